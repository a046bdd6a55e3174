-- crm-connector state. Tokens are SecretBox ciphertexts (AES-256-GCM), never plain.

create table crm_token (
    tenant        text primary key,
    crm           text        not null,
    access_token  text,
    refresh_token text,
    expires_at    timestamptz,
    refreshed_at  timestamptz,
    needs_reauth  boolean     not null default false
);

-- single-use OAuth state values of started connect flows (hash only)
create table oauth_state (
    state_hash text primary key,
    tenant     text        not null,
    crm        text        not null,
    expires_at timestamptz not null
);

-- the last snapshot published per lead: publish again only when it changed
create table lead_state (
    tenant       text        not null,
    lead_id      text        not null,
    fingerprint  text,
    version      bigint      not null default 0,
    snapshot     text,
    deleted      boolean     not null default false,
    published_at timestamptz not null default now(),
    primary key (tenant, lead_id)
);

-- every write we make to a CRM: idempotency by command id and echo recognition
create table write_ledger (
    command_id        text primary key,
    seq               bigserial,
    tenant            text        not null,
    lead_id           text        not null,
    command_type      text        not null,
    status            text        not null check (status in ('PENDING', 'APPLIED')),
    expected          text,
    created_entity_id text,
    created_at        timestamptz not null default now(),
    applied_at        timestamptz,
    settled           boolean     not null default false
);

create index write_ledger_unsettled on write_ledger (tenant, lead_id) where status = 'APPLIED' and not settled;
create index write_ledger_created_entity on write_ledger (tenant, created_entity_id) where created_entity_id is not null;

-- anti-entropy sweep watermark per tenant
create table sweep_state (
    tenant       text primary key,
    swept_until  timestamptz,
    claimed_at   timestamptz,
    last_count   integer     not null default 0
);
