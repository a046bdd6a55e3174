-- Google Calendar push channels. One active channel per tenant calendar; during renewal the old one stays until
-- channels.stop succeeded, so notifications on either are accepted.
create table watch_channel (
    channel_id   text        primary key,
    tenant       text        not null,
    calendar_id  text        not null,
    resource_id  text        not null,
    resource_uri text,
    expires_at   timestamptz not null,
    opened_at    timestamptz not null,
    active       boolean     not null
);

create index watch_channel_calendar on watch_channel (tenant, calendar_id);

-- Incremental sync position per calendar: the token is replaced only after the snapshots it covers were acked.
create table sync_state (
    tenant            text        not null,
    calendar_id       text        not null,
    sync_token        text,
    last_sync_at      timestamptz,
    last_full_sync_at timestamptz,
    last_error        text,
    primary key (tenant, calendar_id)
);

-- What we know about each slot (event linked to a lead): the fingerprint of the last snapshot published (no duplicate
-- snapshots), the last etag seen (If-Match of updates), the lead link (deleted events come back without it), and
-- our last write (own-write detection: command id + the etag Google answered it with).
create table slot_state (
    tenant          text        not null,
    calendar_id     text        not null,
    slot_id         text        not null,
    lead_id         text        not null,
    meeting_number  integer,
    fingerprint     text,
    etag            text,
    own_command_id  text,
    own_etag        text,
    updated_at      timestamptz not null,
    primary key (tenant, calendar_id, slot_id)
);

-- Every calendar command handled, with the result we answered: a redelivered command gets the same answer and
-- causes no second write.
create table command_ledger (
    command_id   text        primary key,
    tenant       text        not null,
    command_type text        not null,
    slot_id      text        not null,
    result       text        not null,
    handled_at   timestamptz not null
);

-- OAuth user grants: refresh tokens sealed by the platform SecretBox.
create table google_grant (
    tenant        text        primary key,
    refresh_token text        not null,
    granted_by    text,
    granted_at    timestamptz not null
);

-- OAuth consent round trips in flight: state (CSRF) and the sealed PKCE verifier, valid for minutes.
create table oauth_state (
    state         text        primary key,
    tenant        text        not null,
    code_verifier text        not null,
    expires_at    timestamptz not null
);
