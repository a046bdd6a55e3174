-- sync's schema: one meeting state per lead, the lead <-> slot links, and the decision history.

-- The decider's whole view of a lead (MeetingState as JSON). Locked per input while it is decided.
create table lead_state (
    tenant      text        not null,
    lead_id     text        not null,
    state       jsonb       not null,
    summary     text        not null,
    revision    bigint      not null default 1,
    updated_at  timestamptz not null default now(),
    primary key (tenant, lead_id)
);

-- Every slot Slotbridge created, with the meeting it belongs to (slots are never deleted, nor are these rows).
create table slot_link (
    tenant          text        not null,
    slot_id         text        not null,
    lead_id         text        not null,
    meeting_number  int         not null,
    status          text        not null,
    color_id        text,
    start_at        timestamptz,
    updated_at      timestamptz not null default now(),
    primary key (tenant, slot_id)
);

create index slot_link_lead on slot_link (tenant, lead_id);

-- One row per decided input: what came in, which rules fired, what went out.
create table decision_log (
    id             bigserial   primary key,
    tenant         text        not null,
    lead_id        text        not null,
    decided_at     timestamptz not null,
    input_type     text        not null,
    input_id       text        not null,
    outcome        text        not null,
    rules          text[]      not null,
    command_types  text[]      not null,
    command_ids    text[]      not null,
    event_types    text[]      not null,
    state_after    text        not null
);

create index decision_log_lead on decision_log (tenant, lead_id, id desc);
