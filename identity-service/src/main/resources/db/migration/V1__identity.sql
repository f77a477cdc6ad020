-- Accounts. email_normalized is the lower-cased address every lookup uses; the address as typed
-- is kept for display and emails.
CREATE TABLE users (
    id               uuid PRIMARY KEY,
    email            text        NOT NULL,
    email_normalized text        NOT NULL UNIQUE,
    email_verified   boolean     NOT NULL DEFAULT false,
    password_hash    text,
    display_name     text        NOT NULL,
    avatar_url       text,
    bio              text,
    time_zone        text        NOT NULL DEFAULT 'UTC',
    locale           text        NOT NULL DEFAULT 'en',
    roles            text[]      NOT NULL DEFAULT ARRAY['reader'],
    tier             text        NOT NULL DEFAULT 'free',
    -- version of the last billing event applied, so late or repeated ones change nothing
    tier_version     bigint      NOT NULL DEFAULT 0,
    suspended        boolean     NOT NULL DEFAULT false,
    google_sub       text UNIQUE,
    referral_code    text        NOT NULL UNIQUE,
    -- bumped whenever something other services copy changes (profile, roles, suspension)
    version          bigint      NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_settings (
    user_id                   uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    digest_opt_in             boolean     NOT NULL DEFAULT false,
    digest_frequency          text        NOT NULL DEFAULT 'weekly',
    newsletter_opt_in         boolean     NOT NULL DEFAULT false,
    notification_emails       boolean     NOT NULL DEFAULT true,
    comment_reply_emails      boolean     NOT NULL DEFAULT true,
    theme                     text        NOT NULL DEFAULT 'system',
    reading_font_size         integer     NOT NULL DEFAULT 16,
    code_theme                text        NOT NULL DEFAULT 'default',
    show_reading_progress     boolean     NOT NULL DEFAULT true,
    updated_at                timestamptz NOT NULL DEFAULT now()
);

-- Single-use email link tokens (verification, email change, password reset). Only the SHA-256 of
-- the token is stored; the raw value travels sealed inside the event that asks notify to send it.
CREATE TABLE email_tokens (
    id         uuid PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    text        NOT NULL CHECK (purpose IN ('verify-email', 'change-email', 'reset-password')),
    token_hash bytea       NOT NULL UNIQUE,
    email      text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX email_tokens_user ON email_tokens (user_id, purpose);
CREATE INDEX email_tokens_expiry ON email_tokens (expires_at);

-- Refresh tokens: one row per issued token, rotated on every use within a family (one sign-in on
-- one device). Only the SHA-256 is stored.
CREATE TABLE refresh_tokens (
    id         uuid PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id  uuid        NOT NULL,
    token_hash bytea       NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    revoked_at timestamptz,
    user_agent text,
    ip_address text
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_expiry ON refresh_tokens (expires_at);

-- Token signing keys. The private JWK is sealed with the platform Sealer; a retired key keeps being
-- published until every token it signed has expired.
CREATE TABLE signing_keys (
    kid                text PRIMARY KEY,
    public_jwk         text        NOT NULL,
    private_jwk_sealed text        NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    retired_at         timestamptz
);
-- at most one key signs at a time
CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys ((retired_at IS NULL)) WHERE retired_at IS NULL;

CREATE TABLE referrals (
    referred_user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    referrer_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code             text        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    converted_at     timestamptz
);
CREATE INDEX referrals_referrer ON referrals (referrer_id);

-- ShedLock: scheduled jobs run once per period across instances, timed by the database clock.
CREATE TABLE shedlock (
    name       varchar(64)  NOT NULL PRIMARY KEY,
    lock_until timestamp    NOT NULL,
    locked_at  timestamp    NOT NULL,
    locked_by  varchar(255) NOT NULL
);
