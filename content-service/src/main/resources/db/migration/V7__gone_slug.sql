-- Slugs of entities deleted for good (issue 16): a public lookup answers 410 Gone for them instead of
-- 404, so readers and search engines learn the page will not come back. A slug leaves this table when a
-- live entity claims it again; a redirect made from it later wins over it.
create table gone_slug (
    kind    text        not null check (kind in ('POST', 'SERIES', 'TAG')),
    slug    text        not null,
    gone_at timestamptz not null default now(),
    primary key (kind, slug)
);
