-- learning-quiz: certificates. Signing keys rest sealed (AES-GCM, platform seal key); public keys
-- stay published for as long as any certificate signed with them exists (never purged).
create table certificate_signing_key (
    kid          text primary key,
    public_jwk   text        not null,
    sealed_jwk   text        not null,
    created_at   timestamptz not null default now(),
    retired_at   timestamptz
);
create unique index certificate_signing_key_current on certificate_signing_key ((retired_at is null)) where retired_at is null;

-- The revocation list, one row per list (one list today, more when it fills up).
create table certificate_status_list (
    id        integer primary key,
    size      integer     not null,
    bits      bytea       not null,
    updated_at timestamptz not null default now()
);

create table certificate (
    id              uuid primary key,
    user_id         uuid        not null,
    series_id       uuid        not null,
    series_title    text        not null,
    holder_name     text        not null,
    level           text        not null check (level in ('COMPLETED', 'RETAINED')),
    status_list     integer     not null references certificate_status_list (id),
    status_index    integer     not null,
    credential      text        not null,
    issued_at       timestamptz not null,
    revoked_at      timestamptz,
    revoked_reason  text,
    revoked_by      uuid,
    unique (user_id, series_id, level),
    unique (status_list, status_index)
);
create index certificate_user_idx on certificate (user_id);
