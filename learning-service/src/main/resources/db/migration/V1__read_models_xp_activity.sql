-- learning-core foundation: read models fed by content and identity events, the XP ledger,
-- activity days and streaks. learning-core owns V1-V19, learning-srs V20-V39, learning-quiz V40-V59.

-- Posts as content publishes them. Rows are never deleted: a user's history of a post stays;
-- "published = false or deleted = true" hides the post from lists. Every write checks the version.
create table post (
    id              uuid primary key,
    slug            text        not null,
    title           text        not null,
    excerpt         text        not null default '',
    series_id       uuid,
    series_position integer,
    tags            text[]      not null default '{}',
    difficulty      text        not null default '',
    premium         boolean     not null default false,
    reading_minutes integer     not null default 1,
    markdown        text        not null default '',
    content_hash    text        not null default '',
    published       boolean     not null,
    deleted         boolean     not null default false,
    published_at    timestamptz,
    version         bigint      not null,
    updated_at      timestamptz not null default now()
);
create index post_series_idx on post (series_id) where series_id is not null;
create index post_slug_idx on post (slug);

create table series (
    id          uuid primary key,
    slug        text        not null,
    title       text        not null,
    description text        not null default '',
    post_ids    uuid[]      not null default '{}',
    deleted     boolean     not null default false,
    version     bigint      not null,
    updated_at  timestamptz not null default now()
);

-- Users as identity reports them. A deleted user keeps only a tombstone (id, deleted, version) so a
-- late event cannot bring their data back; display name and zone are wiped.
create table learner (
    user_id      uuid primary key,
    display_name text        not null default '',
    time_zone    text        not null default 'UTC',
    deleted      boolean     not null default false,
    version      bigint      not null default 0,
    updated_at   timestamptz not null default now()
);

-- The XP ledger: append-only, one row per award. (user_id, rule, source_key) is unique, so an event
-- delivered twice or a double click awards once.
create table xp_award (
    id          bigserial primary key,
    user_id     uuid        not null,
    rule        text        not null,
    source_key  text        not null,
    points      integer     not null check (points >= 0),
    awarded_at  timestamptz not null,
    recorded_at timestamptz not null default now(),
    constraint xp_award_once unique (user_id, rule, source_key)
);
create index xp_award_user_time_idx on xp_award (user_id, awarded_at);
create index xp_award_time_idx on xp_award (awarded_at);

-- Running totals kept in the award's transaction (guarded by the ledger's unique key).
create table xp_total (
    user_id    uuid primary key,
    total      bigint      not null default 0,
    level      integer     not null default 1,
    updated_at timestamptz not null default now()
);

-- Named per-user counters badges are evaluated over ("rule:post-read", "xp", "streak", ...).
create table learner_counter (
    user_id uuid   not null,
    counter text   not null,
    value   bigint not null default 0,
    primary key (user_id, counter)
);

-- Badges a user holds: exactly one row per (user, badge); a repeatable badge counts its grants.
create table user_badge (
    user_id         uuid        not null,
    badge_id        text        not null,
    times           integer     not null default 1,
    first_earned_at timestamptz not null,
    last_earned_at  timestamptz not null,
    primary key (user_id, badge_id)
);

-- A day on which the user studied, as a date in their own time zone at that moment. kind ACTIVE or
-- FROZEN (a missed day covered by a streak freeze).
create table activity_day (
    user_id  uuid        not null,
    day      date        not null,
    kind     text        not null check (kind in ('ACTIVE', 'FROZEN')),
    first_at timestamptz not null,
    primary key (user_id, day)
);

create table streak (
    user_id        uuid primary key,
    current_length integer     not null default 0,
    longest        integer     not null default 0,
    last_day       date,
    last_at        timestamptz,
    freezes        integer     not null default 0 check (freezes >= 0),
    updated_at     timestamptz not null default now()
);
create index streak_last_day_idx on streak (last_day) where current_length > 0;

-- Gamification preferences: a picked badge as title, leaderboard opt-out.
create table gamer_profile (
    user_id             uuid primary key,
    title_badge         text,
    leaderboard_opt_out boolean not null default false
);

create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);
