package io.lectern.learning.quiz;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The questions authors attach to posts (table {@code quiz_question}). */
@Component
class AuthorQuestions {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<Integer>> INTS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuthorQuestions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<QuizQuestion> forPost(UUID postId) {
        return jdbc.sql("""
                        SELECT id, post_id, type, prompt, options::text AS options, correct::text AS correct,
                               answer_text, explanation, anchor
                        FROM quiz_question WHERE post_id = :post AND retired_at IS NULL ORDER BY created_at, id
                        """)
                .param("post", postId)
                .query((rs, n) -> new QuizQuestion(
                        rs.getObject("id", UUID.class),
                        QuizQuestion.Source.AUTHOR,
                        rs.getObject("post_id", UUID.class),
                        QuestionType.valueOf(rs.getString("type")),
                        rs.getString("prompt"),
                        json.readValue(rs.getString("options"), STRINGS),
                        json.readValue(rs.getString("correct"), INTS),
                        rs.getString("answer_text"),
                        rs.getString("explanation"),
                        rs.getString("anchor"),
                        null))
                .list();
    }

    void insert(QuizQuestion q, UUID authorId) {
        jdbc.sql("""
                        INSERT INTO quiz_question (id, post_id, type, prompt, options, correct, answer_text, explanation,
                                                   anchor, author_id)
                        VALUES (:id, :post, :type, :prompt, :options::jsonb, :correct::jsonb, :answer, :explanation,
                                :anchor, :author)
                        """)
                .param("id", q.id())
                .param("post", q.postId())
                .param("type", q.type().name())
                .param("prompt", q.prompt())
                .param("options", json.writeValueAsString(q.options()))
                .param("correct", json.writeValueAsString(q.correct()))
                .param("answer", q.answerText())
                .param("explanation", q.explanation())
                .param("anchor", q.anchor())
                .param("author", authorId)
                .update();
    }

    /** Retires a question (attempts that used it keep their snapshot); false when there was none. */
    boolean retire(UUID id) {
        return jdbc.sql("UPDATE quiz_question SET retired_at = now() WHERE id = :id AND retired_at IS NULL")
                        .param("id", id)
                        .update()
                == 1;
    }
}
