-- learning-quiz: mock interviews. A bank of questions authors manage (per series or tag, with a
-- reference answer), and sessions the candidate answers one question at a time.
create table interview_question (
    id          uuid primary key,
    series_id   uuid,
    tag         text,
    prompt      text        not null,
    reference   text        not null,
    post_id     uuid,
    anchor      text,
    author_id   uuid        not null,
    created_at  timestamptz not null default now(),
    retired_at  timestamptz,
    check (series_id is not null or tag is not null)
);
create index interview_question_series_idx on interview_question (series_id) where retired_at is null;
create index interview_question_tag_idx on interview_question (tag) where retired_at is null;

create table interview_session (
    id            uuid primary key,
    user_id       uuid        not null,
    series_id     uuid,
    tag           text,
    time_limit_s  integer,
    started_at    timestamptz not null,
    completed_at  timestamptz,
    score         double precision,
    strengths     jsonb,
    gaps          jsonb,
    feedback_method text
);
create index interview_session_user_idx on interview_session (user_id, started_at desc);

create table interview_item (
    session_id  uuid    not null references interview_session (id) on delete cascade,
    position    integer not null,
    source      text    not null check (source in ('BANK', 'AI')),
    prompt      text    not null,
    reference   text    not null,
    post_id     uuid,
    anchor      text,
    asked_at    timestamptz,
    answer      text,
    answered_at timestamptz,
    score       double precision,
    feedback    text,
    method      text,
    covered_terms jsonb,
    missing_terms jsonb,
    primary key (session_id, position)
);
