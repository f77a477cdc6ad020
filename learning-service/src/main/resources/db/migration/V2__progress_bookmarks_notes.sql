-- Reading progress, series completion, bookmarks and study notes (learning-core).

-- One row per reader and post. depth and seconds only ever grow (the client may resend), so a replayed
-- or reordered update changes nothing. manual = marked read by hand (counts for progress, earns no XP).
create table reading_progress (
    user_id       uuid         not null,
    post_id       uuid         not null,
    depth         numeric(5, 2) not null default 0 check (depth between 0 and 100),
    seconds_spent integer      not null default 0 check (seconds_spent >= 0),
    read          boolean      not null default false,
    manual        boolean      not null default false,
    read_at       timestamptz,
    earned_at     timestamptz,
    first_seen_at timestamptz  not null,
    last_seen_at  timestamptz  not null,
    primary key (user_id, post_id)
);
create index reading_progress_recent_idx on reading_progress (user_id, last_seen_at desc);

-- A series a reader finished (by reading every post); once per reader and series.
create table series_completion (
    user_id      uuid        not null,
    series_id    uuid        not null,
    completed_at timestamptz not null,
    primary key (user_id, series_id)
);

create table bookmark (
    user_id    uuid        not null,
    post_id    uuid        not null,
    created_at timestamptz not null,
    primary key (user_id, post_id)
);
create index bookmark_page_idx on bookmark (user_id, created_at desc, post_id desc);

-- Private notes; anchor = a heading or paragraph id inside the post.
create table study_note (
    id         uuid primary key,
    user_id    uuid        not null,
    post_id    uuid        not null,
    anchor     text,
    body       text        not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    search     tsvector generated always as (to_tsvector('simple', body)) stored
);
create index study_note_user_idx on study_note (user_id, updated_at desc, id desc);
create index study_note_post_idx on study_note (user_id, post_id);
create index study_note_search_idx on study_note using gin (search);
