-- The search window (ADR 0036) takes the best title/tag/excerpt matches from the small head vector:
-- indexed like the whole vectors, partial on what is searched.
create index post_search_head_idx on post using gin (search_head) where status = 'PUBLISHED';
