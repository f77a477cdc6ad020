-- Every committed change to what the public read endpoints answer (posts, their tags, tags, series)
-- wakes the read caches of every content instance: NOTIFY is delivered after commit, once per
-- transaction and channel/payload (PostgreSQL folds duplicates), so a bulk import costs one message.
create function notify_content_read_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('content_read_changed', '');
    return null;
end
$$;

create trigger post_read_changed after insert or update or delete or truncate on post
    for each statement execute function notify_content_read_changed();
create trigger post_tag_read_changed after insert or update or delete or truncate on post_tag
    for each statement execute function notify_content_read_changed();
create trigger tag_read_changed after insert or update or delete or truncate on tag
    for each statement execute function notify_content_read_changed();
create trigger series_read_changed after insert or update or delete or truncate on series
    for each statement execute function notify_content_read_changed();
