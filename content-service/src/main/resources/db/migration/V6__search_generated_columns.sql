-- Search vectors become generated columns (always consistent with the row; no code path can forget
-- to refresh them). Tag names live on another table, so the post keeps its tags' words in
-- search_tags (written whenever its tags change); the vectors derive from that column.
-- search_head (title A, tags + excerpt B) is small and stays in the main heap: it ranks the matching
-- candidates cheaply; the large vectors (toasted) are read only for the bounded window that is
-- re-ranked. See ADR 0034.
drop index post_search_public_idx;
drop index post_search_all_idx;
alter table post drop column search_public, drop column search_all;

alter table post add column search_tags text not null default '';
update post p set search_tags = coalesce((
    select string_agg(t.name || ' ' || replace(t.slug, '-', ' '), ' ' order by t.slug)
    from post_tag pt join tag t on t.id = pt.tag_id where pt.post_id = p.id), '');

alter table post
    add column search_head tsvector generated always as (
        setweight(to_tsvector('english'::regconfig, title), 'A')
        || setweight(to_tsvector('english'::regconfig, search_tags || ' ' || excerpt), 'B')) stored,
    add column search_public tsvector generated always as (
        setweight(to_tsvector('english'::regconfig, title), 'A')
        || setweight(to_tsvector('english'::regconfig, search_tags || ' ' || excerpt), 'B')
        || case when premium then ''::tsvector
                else setweight(to_tsvector('english'::regconfig, markdown), 'C') end) stored,
    add column search_all tsvector generated always as (
        setweight(to_tsvector('english'::regconfig, title), 'A')
        || setweight(to_tsvector('english'::regconfig, search_tags || ' ' || excerpt), 'B')
        || setweight(to_tsvector('english'::regconfig, markdown), 'C')) stored;

-- Only published posts are ever searched: partial indexes are smaller and match the query's predicate.
create index post_search_public_idx on post using gin (search_public) where status = 'PUBLISHED';
create index post_search_all_idx on post using gin (search_all) where status = 'PUBLISHED';
