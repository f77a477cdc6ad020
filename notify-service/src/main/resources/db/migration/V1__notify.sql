-- notify-service's own tables. Every e-mail goes through email_outbox; nothing is sent from a
-- request or an event handler directly.

-- Who we can write to: kept from identity's events (UserRegistered, UserProfileChanged, EmailChanged).
CREATE TABLE recipient (
    user_id                     uuid PRIMARY KEY,
    email                       text        NOT NULL,
    display_name                text        NOT NULL,
    locale                      text        NOT NULL DEFAULT 'en',
    time_zone                   text        NOT NULL DEFAULT 'UTC',
    email_verified              boolean     NOT NULL DEFAULT false,
    digest_opt_in               boolean     NOT NULL DEFAULT false,
    notification_emails_opt_in  boolean     NOT NULL DEFAULT true,
    profile_version             bigint      NOT NULL DEFAULT -1,
    updated_at                  timestamptz NOT NULL DEFAULT now()
);

-- The durable e-mail queue. The model holds what the template needs; single-use tokens stay sealed
-- in it and are unsealed only while rendering at send time.
CREATE TABLE email_outbox (
    id               uuid PRIMARY KEY,
    message_id       text        NOT NULL UNIQUE,
    user_id          uuid,
    to_address       text        NOT NULL,
    template         text        NOT NULL,
    model            jsonb       NOT NULL,
    headers          jsonb       NOT NULL DEFAULT '{}'::jsonb,
    status           text        NOT NULL DEFAULT 'queued'
                     CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
    attempts         int         NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    claim_token      uuid,
    lease_until      timestamptz,
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    sent_at          timestamptz,
    failed_at        timestamptz
);
CREATE INDEX email_outbox_due ON email_outbox (next_attempt_at) WHERE status = 'queued';
CREATE INDEX email_outbox_leased ON email_outbox (lease_until) WHERE status = 'sending';
CREATE INDEX email_outbox_user ON email_outbox (user_id);

-- In-app notifications. seq is per user and assigned under a row lock on notification_counter, so
-- a user's rows commit in seq order and "everything after Last-Event-ID" misses nothing.
CREATE TABLE notification_counter (
    user_id  uuid PRIMARY KEY,
    last_seq bigint NOT NULL
);
CREATE TABLE notification (
    id          uuid PRIMARY KEY,
    user_id     uuid        NOT NULL,
    seq         bigint      NOT NULL,
    kind        text        NOT NULL,
    title       text        NOT NULL,
    body        text        NOT NULL,
    link        text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    read_at     timestamptz,
    UNIQUE (user_id, seq)
);
CREATE INDEX notification_unread ON notification (user_id) WHERE read_at IS NULL;

-- Digest read model of published posts (from content's post events).
CREATE TABLE digest_post (
    post_id       uuid PRIMARY KEY,
    slug          text        NOT NULL,
    title         text        NOT NULL,
    excerpt       text        NOT NULL,
    author_name   text        NOT NULL,
    published_at  timestamptz NOT NULL,
    visible       boolean     NOT NULL,
    version       bigint      NOT NULL
);
CREATE INDEX digest_post_published ON digest_post (published_at) WHERE visible;

-- One digest per user and day, inserted in the transaction that queues the e-mail.
CREATE TABLE digest_sent (
    user_id      uuid        NOT NULL,
    digest_date  date        NOT NULL,
    email_id     uuid,
    post_count   int         NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, digest_date)
);

-- Newsletter with double opt-in. Only the SHA-256 of a confirmation token is stored.
CREATE TABLE newsletter_subscriber (
    id                  uuid PRIMARY KEY,
    email               text        NOT NULL UNIQUE,
    user_id             uuid,
    status              text        NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed')),
    confirm_token_hash  bytea UNIQUE,
    confirm_expires_at  timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    confirmed_at        timestamptz,
    unsubscribed_at     timestamptz
);

CREATE TABLE newsletter_issue (
    id          uuid PRIMARY KEY,
    subject     text        NOT NULL,
    body_html   text        NOT NULL,
    body_text   text        NOT NULL,
    post_id     uuid,
    created_by  uuid        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- One row per recipient, snapshotted when the issue is created; the batcher turns pending rows into
-- queued e-mails a batch at a time.
CREATE TABLE newsletter_delivery (
    issue_id       uuid NOT NULL REFERENCES newsletter_issue (id) ON DELETE CASCADE,
    subscriber_id  uuid NOT NULL,
    status         text NOT NULL CHECK (status IN ('pending', 'queued', 'skipped')),
    email_id       uuid,
    PRIMARY KEY (issue_id, subscriber_id)
);
CREATE INDEX newsletter_delivery_pending ON newsletter_delivery (issue_id) WHERE status = 'pending';

-- ShedLock's table (JDBC provider, database time).
CREATE TABLE shedlock (
    name        varchar(64)  NOT NULL PRIMARY KEY,
    lock_until  timestamptz  NOT NULL,
    locked_at   timestamptz  NOT NULL,
    locked_by   varchar(255) NOT NULL
);
