-- Shared by every service that owns a schema: the transactional outbox and the consumer inbox.
-- Services list classpath:db/platform next to their own classpath:db/migration (which starts at V1).

create table outbox (
    id          bigserial primary key,
    topic       text        not null,
    record_key  text        not null,
    message_id  text        not null,
    payload     text        not null,
    headers     text        not null,
    created_at  timestamptz not null default now()
);

create table inbox (
    consumer     text        not null,
    message_id   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, message_id)
);

create index inbox_processed_at on inbox (processed_at);
