-- What the follow-up service knows about each lead (latest snapshot by version, meeting and chat signals).
create table lead_state (
    tenant                 text        not null,
    lead_id                text        not null,
    version                bigint      not null default -1,  -- -1: no snapshot seen yet (a meeting event came first)
    lead_name              text,
    stage                  text,
    closed                 boolean     not null default false,
    phone                  text,
    contact_name           text,
    stage_since            timestamptz,            -- first time we saw the lead in its current stage
    meeting_booked_at      timestamptz,            -- last meeting.scheduled / meeting.rescheduled
    last_client_message_at timestamptz,            -- WhatsApp 24-hour window
    deleted                boolean     not null default false,
    updated_at             timestamptz not null,
    primary key (tenant, lead_id)
);
create index lead_state_phone on lead_state (tenant, phone);
create index lead_state_stage on lead_state (tenant, stage, stage_since) where not deleted and not closed;

-- One row per run. A lead has at most one ACTIVE run; a trigger (trigger_id) starts at most one run ever.
create table run (
    run_id        text        primary key,
    tenant        text        not null,
    lead_id       text        not null,
    scenario      text        not null,
    trigger       text        not null,
    trigger_id    text        not null,
    status        text        not null,            -- ACTIVE, STOPPED, COMPLETED
    position      int         not null,            -- next step to run
    next_due_at   timestamptz,
    stop_reason   text,
    held_reason   text,                            -- set while a channel problem holds the run
    retries       int         not null default 0,  -- consecutive postponements of the same step
    claimed_until timestamptz,                     -- a worker is executing the due step
    started_at    timestamptz not null,
    updated_at    timestamptz not null,
    finished_at   timestamptz,
    unique (tenant, lead_id, scenario, trigger_id)
);
create unique index run_one_active_per_lead on run (tenant, lead_id) where status = 'ACTIVE';
create index run_due on run (next_due_at) where status = 'ACTIVE';

-- Every executed step, once: the primary key is the proof that no step runs twice.
create table run_step (
    run_id      text        not null references run (run_id),
    position    int         not null,
    action      text        not null,
    label       text        not null,
    outcome     text        not null,              -- done, skipped, uncertain
    detail      text,
    message_id  text,
    executed_at timestamptz not null,
    primary key (run_id, position)
);

-- The durable Wazzup send log: the intent is committed before the HTTP request, the outcome after it.
create table send_log (
    crm_message_id     text        primary key,
    run_id             text        not null references run (run_id),
    position           int         not null,
    tenant             text        not null,
    lead_id            text        not null,
    chat_id            text        not null,
    template_name      text        not null,
    kind               text        not null,       -- template, text
    state              text        not null,       -- SENDING, SENT, FAILED, UNCERTAIN
    attempts           int         not null default 0,
    maybe_delivered_at timestamptz,                -- earliest request that may have reached Wazzup
    wazzup_message_id  text,
    delivery_status    text,                       -- sent, delivered, read, error (from the status webhook)
    error_code         text,
    error_detail       text,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    unique (run_id, position)
);
create unique index send_log_wazzup_message on send_log (wazzup_message_id) where wazzup_message_id is not null;
create index send_log_uncertain on send_log (tenant, chat_id) where state = 'UNCERTAIN';

-- Messages in a lead's chat that are not the client answering (operator's phone echoes), kept for the timeline.
create table chat_message (
    tenant      text        not null,
    message_id  text        not null,
    chat_id     text        not null,
    run_id      text,
    kind        text        not null,              -- client, echo, outgoing
    sent_at     timestamptz not null,
    primary key (tenant, message_id)
);
