-- learning-quiz: quizzes. Questions are snapshotted into the attempt when it starts, so grading is
-- against exactly what the learner saw, whatever the author or ai-service does afterwards. Answer
-- keys (correct options, cloze answer, reference answer) live only in these tables: no response
-- before submission carries them.

-- Questions authors attach to a post.
create table quiz_question (
    id          uuid primary key,
    post_id     uuid        not null,
    type        text        not null check (type in ('MULTIPLE_CHOICE', 'MULTIPLE_ANSWERS', 'CLOZE', 'SHORT_TEXT')),
    prompt      text        not null,
    options     jsonb       not null default '[]',
    correct     jsonb       not null default '[]',
    answer_text text,
    explanation text        not null default '',
    anchor      text,
    author_id   uuid        not null,
    created_at  timestamptz not null default now(),
    retired_at  timestamptz
);
create index quiz_question_post_idx on quiz_question (post_id) where retired_at is null;

-- One attempt at a quiz for a post or for a series (a series quiz is that series' final quiz).
create table quiz_attempt (
    id            uuid primary key,
    user_id       uuid        not null,
    post_id       uuid,
    series_id     uuid,
    purpose       text        not null default 'PRACTICE' check (purpose in ('PRACTICE', 'FINAL', 'RETENTION')),
    generator     text        not null,
    degraded      boolean     not null,
    started_at    timestamptz not null,
    expires_at    timestamptz not null,
    submitted_at  timestamptz,
    score         double precision,
    correct_count integer,
    total         integer     not null,
    passed        boolean,
    check ((post_id is null) <> (series_id is null))
);
create index quiz_attempt_user_idx on quiz_attempt (user_id, started_at desc);
create index quiz_attempt_post_board_idx on quiz_attempt (post_id, score desc) where submitted_at is not null;
create index quiz_attempt_series_board_idx on quiz_attempt (series_id, score desc) where submitted_at is not null;

create table quiz_attempt_question (
    attempt_id  uuid    not null references quiz_attempt (id) on delete cascade,
    question_id uuid    not null,
    position    integer not null,
    source      text    not null check (source in ('AUTHOR', 'AI', 'CLOZE')),
    post_id     uuid    not null,
    type        text    not null,
    prompt      text    not null,
    options     jsonb   not null default '[]',
    correct     jsonb   not null default '[]',
    answer_text text,
    explanation text    not null default '',
    anchor      text,
    passage     text,
    primary key (attempt_id, question_id)
);

create table quiz_attempt_answer (
    attempt_id    uuid             not null references quiz_attempt (id) on delete cascade,
    question_id   uuid             not null,
    selected      jsonb            not null default '[]',
    text_answer   text,
    correct       boolean          not null,
    score         double precision not null,
    feedback      text             not null,
    method        text             not null,
    covered_terms jsonb            not null default '[]',
    missing_terms jsonb            not null default '[]',
    primary key (attempt_id, question_id),
    foreign key (attempt_id, question_id) references quiz_attempt_question (attempt_id, question_id) on delete cascade
);
