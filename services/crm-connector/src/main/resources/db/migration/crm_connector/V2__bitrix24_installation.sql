-- Bitrix24 application installations (ONAPPINSTALL, verified): what every later event of the portal is checked
-- against. Token and member id are SecretBox ciphertexts (AES-256-GCM), never plain. A reinstall replaces the row.
create table bitrix24_installation (
    tenant            text primary key,
    member_id         text        not null,
    domain            text        not null,
    application_token text        not null,
    installed_at      timestamptz not null
);
