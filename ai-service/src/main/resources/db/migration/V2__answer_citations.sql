-- The numbered sources each answer was given with, as the live `sources` event carried them, so a
-- reopened thread shows the same sources again. Written in the answer's own transaction (an answer is
-- stored with all its citations or not at all); goes with its answer, so with the thread and with the
-- asker's erasure (identity.user-deleted). Answers stored before this table simply have none.
-- No foreign key to post: the history keeps what the reader was shown, as the answer text does.
CREATE TABLE answer_citation (
    answer_id     uuid    NOT NULL REFERENCES answer (id) ON DELETE CASCADE,
    number        int     NOT NULL CHECK (number > 0),
    post_id       uuid    NOT NULL,
    title         text    NOT NULL,
    slug          text    NOT NULL,
    heading_path  text    NOT NULL,
    anchor        text,
    url           text    NOT NULL,
    snippet       text    NOT NULL,
    premium       boolean NOT NULL,
    PRIMARY KEY (answer_id, number)
);
