-- Lectern's database layout: one schema per service, owned by that service's own login role, which
-- is granted nothing on any other schema. Idempotent: the run script, the compose init and every
-- integration test run execute this same file.
DO $$
DECLARE
  s text;
BEGIN
  FOREACH s IN ARRAY ARRAY['identity', 'content', 'learning', 'ai', 'billing', 'notify'] LOOP
    BEGIN
      EXECUTE format('CREATE ROLE %I LOGIN', 'lectern_' || s);
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL; -- another run created it first
    END;
    EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', s, 'lectern_' || s);
    EXECUTE format('REVOKE ALL ON SCHEMA %I FROM PUBLIC', s);
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', current_database(), 'lectern_' || s);
  END LOOP;
  EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
END
$$;

REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- pgvector for ai-service's retrieval; types live in public, usable by every role.
CREATE EXTENSION IF NOT EXISTS vector;
