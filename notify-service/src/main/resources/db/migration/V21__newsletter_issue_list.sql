-- The list of past issues pages newest first by (created_at, id); walked backwards by this index.
CREATE INDEX newsletter_issue_created ON newsletter_issue (created_at, id);
