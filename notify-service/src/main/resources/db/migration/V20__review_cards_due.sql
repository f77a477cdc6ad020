-- Review from the inbox (issue #12): the cards learning-service says a reader has due today, kept until
-- they go out, in that day's digest or in a short review e-mail of their own.
create table review_cards_due (
    user_id     uuid not null,
    local_date  date not null,
    due_count   int  not null,
    cards       jsonb not null,
    received_at timestamptz not null default now(),
    sent_in     text check (sent_in in ('digest', 'review-email')),
    email_id    uuid,
    primary key (user_id, local_date)
);
