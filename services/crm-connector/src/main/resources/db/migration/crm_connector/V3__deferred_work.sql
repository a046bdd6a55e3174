-- Work the CRM does not take yet: commands whose method is parked (Bitrix24 operating time) or whose account is
-- blocked (amoCRM 403), hints that cannot be re-read for the same reasons, and whatever arrives for a lead while
-- earlier work of that lead waits. Kept here instead of pausing the Kafka consumer, so other tenants and leads keep
-- flowing; done in id order per lead once not_before has passed. kind: 'command' or 'hint'. An item that can no
-- longer be read goes to its topic's dead-letter topic with record_key and the raw payload.
create table deferred_work (
    id          bigserial primary key,
    kind        text        not null,
    tenant      text        not null,
    lead_id     text        not null,
    item_id     text        not null,
    record_key  text        not null,
    payload     text        not null,
    not_before  timestamptz not null,
    reason      text        not null,
    deferred_at timestamptz not null,
    attempts    integer     not null default 0,
    unique (kind, item_id)
);

create index deferred_work_tenant on deferred_work (kind, tenant, id);
create index deferred_work_lead on deferred_work (kind, tenant, lead_id);

-- one instance at a time does a tenant's deferred work of a kind; a claim that outlives its instance expires
create table deferred_claim (
    kind          text not null,
    tenant        text not null,
    claimed_until timestamptz,
    primary key (kind, tenant)
);
