-- One Stripe customer per user, created once at the first checkout and kept.
CREATE TABLE customers (
    user_id            uuid PRIMARY KEY,
    stripe_customer_id text        NOT NULL UNIQUE,
    created_at         timestamptz NOT NULL DEFAULT now()
);

-- Every subscription a user has or had, from either provider. For Stripe the id is Stripe's
-- (sub_...); a manual grant gets man_<uuid>. The row holds the provider's latest state we observed.
CREATE TABLE subscriptions (
    id                   text PRIMARY KEY,
    user_id              uuid        NOT NULL,
    provider             text        NOT NULL CHECK (provider IN ('stripe', 'manual')),
    plan                 text        NOT NULL,
    status               text        NOT NULL,
    current_period_end   timestamptz,
    cancel_at_period_end boolean     NOT NULL DEFAULT false,
    ended_at             timestamptz,
    note                 text,
    granted_by           uuid,
    -- when the state stored here was read from the provider: an older read never overwrites a newer one
    observed_at          timestamptz NOT NULL,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX subscriptions_user ON subscriptions (user_id);
CREATE INDEX subscriptions_open ON subscriptions (provider, current_period_end)
    WHERE status NOT IN ('canceled', 'incomplete_expired', 'expired');

-- Stripe event ids already applied; written in the same transaction as the event's effect.
CREATE TABLE processed_events (
    event_id     text PRIMARY KEY,
    type         text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);

-- Version carried by every billing event: identity applies a user's tier only from a newer version.
CREATE SEQUENCE event_version;

CREATE TABLE shedlock (
    name       varchar(64)  NOT NULL PRIMARY KEY,
    lock_until timestamp    NOT NULL,
    locked_at  timestamp    NOT NULL,
    locked_by  varchar(255) NOT NULL
);
