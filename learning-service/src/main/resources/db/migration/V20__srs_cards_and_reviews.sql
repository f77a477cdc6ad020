-- Spaced repetition (issue #12): per-user settings, cards with their FSRS scheduling state, the review
-- log (kept for later parameter optimisation), drafts awaiting the reader's decision, and the inbox
-- review bookkeeping (one cards-due mail per user and day, one graded click per card and day).

create table srs_settings (
    user_id           uuid primary key,
    desired_retention double precision not null default 0.9
        check (desired_retention between 0.70 and 0.97),
    new_per_day       int     not null default 20 check (new_per_day between 0 and 1000),
    maximum_interval  int     not null default 36500 check (maximum_interval between 1 and 36500),
    inbox_review      boolean not null default false,
    updated_at        timestamptz not null default now()
);

create table srs_card (
    id              uuid primary key,
    user_id         uuid not null,
    kind            text not null check (kind in ('BASIC', 'CLOZE')),
    front           text not null,
    back            text not null,
    origin          text not null check (origin in ('USER', 'NOTE', 'PASSAGE', 'DRAFT', 'AUTHOR')),
    -- cards sharing a sibling key (the cloze deletions of one text, the cards of one note) are never
    -- shown on the same local day
    sibling_key     text,
    note_id         uuid,
    post_id         uuid,
    anchor          text,
    source_text     text,
    source_hash     text,
    source_status   text not null default 'CURRENT' check (source_status in ('CURRENT', 'CHANGED', 'REMOVED')),
    source_new_text text,
    author_card_key text,
    suspended       boolean not null default false,
    buried_until    date,
    state           text not null default 'NEW' check (state in ('NEW', 'LEARNING', 'REVIEW', 'RELEARNING')),
    step            int not null default 0,
    stability       double precision,
    difficulty      double precision,
    due             timestamptz not null,
    last_review     timestamptz,
    reps            int not null default 0,
    lapses          int not null default 0,
    scheduled_days  int not null default 0,
    version         bigint not null default 0,
    created_at      timestamptz not null default now()
);

-- the two halves of the review queue: cards in steps or review by due time, new cards by age
create index srs_card_due on srs_card (user_id, due, id) where not suspended and state <> 'NEW';
create index srs_card_new on srs_card (user_id, created_at, id) where not suspended and state = 'NEW';
create index srs_card_post on srs_card (post_id) where post_id is not null;
create unique index srs_card_adopted on srs_card (user_id, post_id, author_card_key) where author_card_key is not null;

create table srs_review (
    id             uuid primary key,
    card_id        uuid not null references srs_card (id) on delete cascade,
    user_id        uuid not null,
    rating         smallint not null check (rating between 1 and 4),
    reviewed_at    timestamptz not null,
    local_date     date not null,
    duration_ms    int not null,
    elapsed_days   int not null,
    state_before   text not null,
    state_after    text not null,
    stability      double precision not null,
    difficulty     double precision not null,
    scheduled_days int not null,
    via            text not null check (via in ('APP', 'EMAIL')),
    -- the card's scheduling columns before this review, restored by undo
    previous       jsonb not null
);

create index srs_review_user_day on srs_review (user_id, local_date);
create index srs_review_card on srs_review (card_id, reviewed_at desc);

create table srs_draft (
    id         uuid primary key,
    user_id    uuid not null,
    post_id    uuid not null,
    kind       text not null check (kind in ('BASIC', 'CLOZE')),
    front      text not null,
    back       text not null,
    anchor     text,
    generator  text not null,
    created_at timestamptz not null default now()
);

create index srs_draft_user_post on srs_draft (user_id, post_id);

create table srs_inbox_sent (
    user_id    uuid not null,
    local_date date not null,
    card_count int  not null,
    primary key (user_id, local_date)
);

create table srs_grade_link_use (
    card_id    uuid not null,
    local_date date not null,
    user_id    uuid not null,
    rating     smallint not null,
    used_at    timestamptz not null,
    primary key (card_id, local_date)
);
