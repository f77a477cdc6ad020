-- The relay is woken in-process after a commit that wrote events (ADR 0104), not by NOTIFY: PostgreSQL
-- takes a database-wide lock in every notifying transaction's commit and holds it until the commit's
-- WAL flush is done, so with this trigger no two event-writing transactions ever shared a flush.
DROP TRIGGER outbox_inserted ON outbox;
DROP FUNCTION outbox_notify();
