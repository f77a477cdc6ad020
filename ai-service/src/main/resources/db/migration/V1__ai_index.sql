-- ai-service's retrieval index. pgvector's types and operators live in schema public (created by
-- compose/postgres/init/10-lectern.sql); connections put public after ai on the search path.

-- The posts ai-service knows, copied from content's events (their Markdown is the source of chunks).
CREATE TABLE post (
    id            uuid PRIMARY KEY,
    slug          text        NOT NULL,
    title         text        NOT NULL,
    excerpt       text        NOT NULL,
    author_id     uuid        NOT NULL,
    series_id     uuid,
    series_slug   text,
    tags          text[]      NOT NULL,
    difficulty    text        NOT NULL,
    premium       boolean     NOT NULL,
    markdown      text        NOT NULL,
    content_hash  text        NOT NULL,
    version       bigint      NOT NULL,
    published_at  timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);

-- One row per chunk and embedding model: vectors of two models never meet in one query because every
-- query filters on the model that embedded it.
CREATE TABLE chunk (
    id            uuid PRIMARY KEY,
    post_id       uuid        NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    model         text        NOT NULL,
    ordinal       int         NOT NULL,
    heading_path  text        NOT NULL,
    anchor        text,
    content       text        NOT NULL,
    content_hash  text        NOT NULL,
    title         text        NOT NULL,
    premium       boolean     NOT NULL,
    series_slug   text,
    tags          text[]      NOT NULL,
    difficulty    text        NOT NULL,
    embedding     public.vector(384) NOT NULL,
    tsv           tsvector GENERATED ALWAYS AS (
                      setweight(to_tsvector('english', title), 'A')
                      || setweight(to_tsvector('english', heading_path), 'B')
                      || setweight(to_tsvector('english', content), 'C')) STORED,
    UNIQUE (post_id, model, ordinal)
);
CREATE INDEX chunk_embedding_hnsw ON chunk USING hnsw (embedding public.vector_cosine_ops) WITH (m = 16, ef_construction = 64);
CREATE INDEX chunk_tsv ON chunk USING gin (tsv);
CREATE INDEX chunk_post ON chunk (post_id, model);

-- A post's own vector (normalised mean of its chunks) for similar posts and recommendations.
CREATE TABLE post_vector (
    post_id    uuid NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    model      text NOT NULL,
    embedding  public.vector(384) NOT NULL,
    PRIMARY KEY (post_id, model)
);

-- The model the index serves and any re-index in progress.
CREATE TABLE index_state (
    id             int PRIMARY KEY CHECK (id = 1),
    model          text,
    dimension      int,
    reindex_model  text,
    reindex_started_at timestamptz,
    reindex_done   int NOT NULL DEFAULT 0,
    reindex_total  int NOT NULL DEFAULT 0,
    -- set by `./lectern reindex` (or any operator with SQL access); the service polls for it
    reindex_requested boolean NOT NULL DEFAULT false,
    reindex_force  boolean NOT NULL DEFAULT false,
    updated_at     timestamptz NOT NULL DEFAULT now()
);
INSERT INTO index_state (id) VALUES (1);

-- Ask-AI: threads, every question with its answer (the question log), feedback.
CREATE TABLE thread (
    id          uuid PRIMARY KEY,
    user_id     uuid NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX thread_user ON thread (user_id);

CREATE TABLE answer (
    id           uuid PRIMARY KEY,
    thread_id    uuid REFERENCES thread (id) ON DELETE CASCADE,
    user_id      uuid,
    question     text NOT NULL,
    search_text  text NOT NULL,
    mode         text NOT NULL,
    uncertain    boolean NOT NULL,
    top_score    double precision NOT NULL,
    answer_text  text NOT NULL,
    post_ids     uuid[] NOT NULL,
    created_at   timestamptz NOT NULL
);
CREATE INDEX answer_thread ON answer (thread_id, created_at);
CREATE INDEX answer_uncertain ON answer (created_at) WHERE uncertain;

CREATE TABLE feedback (
    answer_id   uuid PRIMARY KEY REFERENCES answer (id) ON DELETE CASCADE,
    user_id     uuid NOT NULL,
    helpful     boolean NOT NULL,
    reason      text,
    created_at  timestamptz NOT NULL
);

-- What each reader has read (fed by learning's post-read events once they exist).
CREATE TABLE read_history (
    user_id  uuid NOT NULL,
    post_id  uuid NOT NULL,
    read_at  timestamptz NOT NULL,
    PRIMARY KEY (user_id, post_id)
);
