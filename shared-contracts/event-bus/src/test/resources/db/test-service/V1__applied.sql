-- What the test handlers did, written in the handler's transaction. No key on event_id on purpose:
-- a second application of one event must show up as a duplicate row, not as an error.
CREATE TABLE applied (
    event_id     uuid        NOT NULL,
    consumer     text        NOT NULL,
    type         text        NOT NULL,
    aggregate_id text        NOT NULL,
    version      bigint      NOT NULL,
    trace_id     text,
    handled_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
