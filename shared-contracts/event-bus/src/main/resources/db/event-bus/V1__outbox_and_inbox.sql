-- The event bus's own tables in the service's schema. Versioned under their own history table
-- (event_bus_schema_history) so they never interleave with the service's migrations.

CREATE TABLE outbox (
    -- insertion order; the relay publishes an aggregate's events in this order
    seq             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id              uuid        NOT NULL UNIQUE,
    aggregate_id    text        NOT NULL,
    type            text        NOT NULL,
    payload         jsonb       NOT NULL,
    occurred_at     timestamptz NOT NULL,
    trace_id        text,
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'LEASED', 'PUBLISHED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    lease_owner     text,
    lease_until     timestamptz,
    last_error      text,
    published_at    timestamptz,
    stream_id       text
);

-- The relay only ever looks at unpublished rows: keep those indexes small.
CREATE INDEX outbox_unpublished ON outbox (seq) WHERE status <> 'PUBLISHED';
CREATE INDEX outbox_unpublished_by_aggregate ON outbox (aggregate_id, seq) WHERE status <> 'PUBLISHED';
CREATE INDEX outbox_published_at ON outbox (published_at) WHERE status = 'PUBLISHED';
CREATE INDEX outbox_occurred_at ON outbox (occurred_at);

-- Wakes the relay as soon as a transaction that wrote events commits (NOTIFY is delivered on commit).
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify(TG_TABLE_SCHEMA || '_outbox', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_inserted AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();

-- Events this service's consumer group has applied; written in the handler's transaction.
CREATE TABLE inbox (
    consumer_group text        NOT NULL,
    event_id       uuid        NOT NULL,
    event_type     text        NOT NULL,
    handled_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_group, event_id)
);

CREATE INDEX inbox_handled_at ON inbox (handled_at);
