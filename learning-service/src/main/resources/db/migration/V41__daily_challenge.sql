-- learning-quiz: the daily challenge. One scheduled challenge per UTC day from an admin-managed pool.
-- The answer key (expected answer / expected program output) never leaves these tables.
create table challenge (
    id              uuid primary key,
    kind            text        not null check (kind in ('MULTIPLE_CHOICE', 'TEXT', 'CODE')),
    title           text        not null,
    prompt          text        not null,
    options         jsonb       not null default '[]',
    starter_code    text,
    language        text,
    answer_key      text        not null,
    explanation     text        not null default '',
    post_id         uuid,
    max_attempts    integer     not null check (max_attempts between 1 and 20),
    created_by      uuid        not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    retired_at      timestamptz
);

create table challenge_schedule (
    day          date primary key,
    challenge_id uuid not null references challenge (id)
);
create index challenge_schedule_challenge_idx on challenge_schedule (challenge_id);

-- One row per submission; (user, day, attempt_no) unique so the limit holds under concurrent posts.
create table challenge_submission (
    id           uuid primary key,
    user_id      uuid        not null,
    day          date        not null,
    challenge_id uuid        not null references challenge (id),
    attempt_no   integer     not null,
    correct      boolean     not null,
    submitted_at timestamptz not null,
    unique (user_id, day, attempt_no)
);

-- The solved result per user and day (at most one), what the leaderboards rank.
create table challenge_solve (
    user_id      uuid        not null,
    day          date        not null,
    challenge_id uuid        not null references challenge (id),
    attempts     integer     not null,
    seconds      integer     not null,
    solved_at    timestamptz not null,
    primary key (user_id, day)
);
create index challenge_solve_day_idx on challenge_solve (day, attempts, solved_at);
