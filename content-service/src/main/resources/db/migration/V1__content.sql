-- content-service schema: posts and what hangs off them. Cross-aggregate references are by id; the
-- foreign keys below exist so a deleted post takes its dependants with it in one statement.

create table author_profile (
    user_id      uuid primary key,
    display_name text   not null,
    version      bigint not null default 0
);

create table series (
    id          uuid primary key,
    slug        text        not null unique,
    title       text        not null,
    description text        not null default '',
    created_by  uuid        not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     bigint      not null default 0
);

create table tag (
    id          uuid primary key,
    slug        text        not null unique,
    name        text        not null,
    description text        not null default '',
    created_at  timestamptz not null default now()
);

create table post (
    id               uuid primary key,
    slug             text        not null unique,
    title            text        not null,
    markdown         text        not null,
    html             text        not null,
    excerpt          text        not null,
    status           text        not null check (status in ('DRAFT', 'SCHEDULED', 'PUBLISHED')),
    difficulty       text        not null check (difficulty in ('BEGINNER', 'INTERMEDIATE', 'ADVANCED')),
    premium          boolean     not null default false,
    reading_minutes  int         not null,
    author_id        uuid        not null,
    author_name      text        not null,
    series_id        uuid references series (id) on delete set null,
    series_position  int,
    meta_title       text,
    meta_description text,
    canonical_url    text,
    social_image_url text,
    scheduled_at     timestamptz,
    published_at     timestamptz,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          bigint      not null default 0,
    -- Two search vectors: readers without premium search a premium post's title/tags/excerpt only.
    search_public    tsvector,
    search_all       tsvector
);
create index post_published_idx on post (published_at desc, id desc) where status = 'PUBLISHED';
create index post_created_idx on post (created_at desc, id desc);
create index post_author_idx on post (author_id);
create index post_series_idx on post (series_id, series_position);
create index post_due_idx on post (scheduled_at) where status = 'SCHEDULED';
create index post_search_public_idx on post using gin (search_public);
create index post_search_all_idx on post using gin (search_all);

create table post_tag (
    post_id uuid not null references post (id) on delete cascade,
    tag_id  uuid not null references tag (id) on delete cascade,
    primary key (post_id, tag_id)
);
create index post_tag_tag_idx on post_tag (tag_id);

create table post_revision (
    post_id    uuid        not null references post (id) on delete cascade,
    revision   int         not null,
    title      text        not null,
    markdown   text        not null,
    created_by uuid        not null,
    created_at timestamptz not null default now(),
    primary key (post_id, revision)
);

create table redirect (
    id         uuid primary key,
    kind       text        not null check (kind in ('POST', 'SERIES', 'TAG')),
    from_slug  text        not null,
    to_slug    text        not null,
    automatic  boolean     not null default false,
    created_at timestamptz not null default now(),
    unique (kind, from_slug),
    check (from_slug <> to_slug)
);
create index redirect_target_idx on redirect (kind, to_slug);

create table comment (
    id          uuid primary key,
    post_id     uuid        not null references post (id) on delete cascade,
    parent_id   uuid references comment (id) on delete cascade,
    author_id   uuid,
    author_name text        not null,
    body        text        not null,
    status      text        not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    deleted     boolean     not null default false,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create index comment_post_idx on comment (post_id, created_at);
create index comment_author_idx on comment (author_id);
create index comment_pending_idx on comment (created_at) where status = 'PENDING';

create table comment_report (
    comment_id  uuid        not null references comment (id) on delete cascade,
    reporter_id uuid        not null,
    reason      text        not null,
    created_at  timestamptz not null default now(),
    primary key (comment_id, reporter_id)
);

create table reaction (
    post_id    uuid        not null references post (id) on delete cascade,
    user_id    uuid        not null,
    type       text        not null check (type in ('LIKE', 'INSIGHTFUL', 'CELEBRATE')),
    created_at timestamptz not null default now(),
    primary key (post_id, user_id, type)
);
create index reaction_user_idx on reaction (user_id);

create table upload (
    id                uuid primary key,
    name              text        not null unique,
    preview_name      text unique,
    owner_id          uuid        not null,
    kind              text        not null,
    content_type      text        not null,
    size_bytes        bigint      not null,
    original_filename text        not null,
    width             int,
    height            int,
    created_at        timestamptz not null default now()
);
create index upload_owner_idx on upload (owner_id);

create table post_view (
    post_id       uuid not null references post (id) on delete cascade,
    day           date not null,
    visitor_hash  text not null,
    referrer_host text,
    primary key (post_id, day, visitor_hash)
);
create index post_view_day_idx on post_view (day);

-- The daily salt that makes visitor hashes unlinkable across days; old salts are deleted.
create table view_salt (
    day  date primary key,
    salt bytea not null
);

create table sitemap (
    id           int primary key check (id = 1),
    xml          text        not null,
    generated_at timestamptz not null
);

create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);
