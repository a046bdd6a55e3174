-- The console's read-only projection of the topics, plus its own audit log and alerts.
-- Every projected row is keyed by the id of the record it came from, so redelivered records change nothing.

-- Leads as the CRM last described them (crm.lead-events.v1 snapshots); searched by id, name and phone.
create table lead (
    tenant           text        not null,
    lead_id          text        not null,
    name             text,
    contact_name     text,
    phone            text,
    pipeline         text,
    stage            text,
    responsible      text,
    card_url         text,
    snapshot_version bigint      not null default -1,
    deleted          boolean     not null default false,
    updated_at       timestamptz not null,
    primary key (tenant, lead_id)
);
create index lead_phone on lead (tenant, phone);
create index lead_name on lead (tenant, lower(name));
create index lead_contact_name on lead (tenant, lower(contact_name));

-- One line per lead-scoped record: hints, snapshots, decisions, commands, results, slots, meetings, follow-up.
create table timeline_entry (
    id              bigserial   primary key,
    tenant          text        not null,
    lead_id         text        not null,
    topic           text        not null,
    message_id      text        not null,
    record_type     text        not null,
    occurred_at     timestamptz not null,
    title           text        not null,
    detail          text,
    outcome         text        not null,
    causation_id    text,
    raw_event_id    text,
    command_id      text,
    message_ref     text,
    payload         text        not null,
    recorded_at     timestamptz not null default now(),
    unique (topic, message_id)
);
create index timeline_entry_lead on timeline_entry (tenant, lead_id, occurred_at);
create index timeline_entry_topic_time on timeline_entry (tenant, topic, occurred_at);

-- Records that belong to no lead by themselves: webhooks (ingress.raw.v1), Google pushes, WhatsApp messages and
-- statuses. Timelines reach them through raw event ids, causation ids, the lead's phone and message ids.
create table signal (
    event_id        text        primary key,
    tenant          text        not null,
    kind            text        not null,
    source          text,
    topic           text        not null,
    record_type     text        not null,
    occurred_at     timestamptz not null,
    title           text        not null,
    detail          text,
    outcome         text        not null,
    raw_event_id    text,
    chat_id         text,
    message_ref     text,
    payload         text        not null,
    recorded_at     timestamptz not null default now()
);
create index signal_kind_time on signal (tenant, kind, occurred_at);
create index signal_chat on signal (tenant, chat_id) where chat_id is not null;
create index signal_message_ref on signal (tenant, message_ref) where message_ref is not null;

-- Meeting slots: the calendar's snapshot (time, colour), sync's meeting facts (expert, state, SLA breach).
create table meeting_slot (
    tenant          text        not null,
    slot_id         text        not null,
    lead_id         text        not null,
    meeting_number  integer,
    calendar_id     text,
    summary         text,
    start_at        timestamptz,
    end_at          timestamptz,
    color_id        text,
    slot_status     text,
    html_link       text,
    slot_updated    timestamptz,
    expert          text,
    expert_email    text,
    meeting_state   text,
    state_at        timestamptz,
    sla_breached    boolean     not null default false,
    sla_detail      text,
    updated_at      timestamptz not null,
    primary key (tenant, slot_id)
);
create index meeting_slot_start on meeting_slot (tenant, start_at);
create index meeting_slot_lead on meeting_slot (tenant, lead_id);

create table followup_run (
    run_id          text        primary key,
    tenant          text        not null,
    lead_id         text        not null,
    scenario        text        not null,
    trigger         text,
    state           text        not null,
    step_index      integer,
    step_name       text,
    last_action     text,
    last_outcome    text,
    next_due_at     timestamptz,
    started_at      timestamptz,
    ended_at        timestamptz,
    end_reason      text,
    updated_at      timestamptz not null
);
create index followup_run_state on followup_run (tenant, state);

-- The latest ops.status-reports.v1 report per tenant and connection.
create table connection_status (
    tenant                  text        not null,
    connection              text        not null,
    service                 text        not null,
    instance_id             text,
    status                  text        not null,
    status_since            timestamptz not null,
    token_expires_at        timestamptz,
    channel_expires_at      timestamptz,
    requests_per_second     double precision,
    requests_last_minute    bigint,
    throttled_last_minute   bigint,
    blocked_last_minute     bigint,
    detail                  text,
    details                 text        not null default '{}',
    reported_at             timestamptz not null,
    primary key (tenant, connection)
);

-- Dead letters from every <topic>-dlt, raw. The payload is sealed with SecretBox (it may carry tokens); the preview
-- and error texts are stored already masked.
create table dead_letter (
    id                  bigserial   primary key,
    dlt_topic           text        not null,
    dlt_partition       integer     not null,
    dlt_offset          bigint      not null,
    original_topic      text        not null,
    original_partition  integer,
    original_offset     bigint,
    tenant              text        not null,
    record_key          bytea,
    payload_sealed      text,
    payload_size        integer     not null,
    payload_preview     text        not null,
    headers             text        not null,
    message_id          text,
    record_type         text,
    reason              text,
    failed_by           text,
    exception_class     text,
    exception_message   text,
    exception_trace     text,
    dead_at             timestamptz not null,
    recorded_at         timestamptz not null default now(),
    state               text        not null default 'new',
    state_changed_at    timestamptz,
    state_changed_by    text,
    state_note          text,
    unique (dlt_topic, dlt_partition, dlt_offset)
);
create index dead_letter_filter on dead_letter (tenant, state, original_topic);
create index dead_letter_time on dead_letter (dead_at);

-- Who did what: replays, discards, stopped runs, connect links, webhook installs.
create table audit_log (
    id          bigserial   primary key,
    at          timestamptz not null,
    actor       text        not null,
    action      text        not null,
    tenant      text,
    target      text,
    detail      text
);
create index audit_log_at on audit_log (at desc);
create index audit_log_target on audit_log (target);

create table alert (
    id              bigserial   primary key,
    alert_key       text        not null,
    rule            text        not null,
    tenant          text        not null,
    subject         text        not null,
    severity        text        not null,
    message         text        not null,
    fired_at        timestamptz not null,
    last_seen_at    timestamptz not null,
    resolved_at     timestamptz,
    notified_at     timestamptz,
    resolve_notified_at timestamptz,
    notify_error    text
);
create unique index alert_open_key on alert (alert_key) where resolved_at is null;
create index alert_fired on alert (fired_at desc);
