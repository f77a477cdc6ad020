package io.lectern.learning.srs;

import io.lectern.learning.post.PostView;
import io.lectern.learning.post.Posts;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Edits flow into learning. After the post read model took a content event, the cards anchored to a
 * section are compared with the post's current text (whatever order the events came in, the read
 * model holds the newest version): a section whose text differs from the one the card was made from
 * flags its cards "source changed" with the new text (null when the section is gone); a section
 * edited back to the card's text clears the flag. Scheduling is never touched. A deleted post marks
 * its cards "source removed"; they stay.
 */
@Component
public class SourceChanges {

    private final Posts posts;
    private final JdbcClient jdbc;

    SourceChanges(Posts posts, JdbcClient jdbc) {
        this.posts = posts;
        this.jdbc = jdbc;
    }

    /** Call after the read model applied a post update; returns how many cards were flagged. */
    public int postUpdated(UUID postId) {
        PostView post = posts.find(postId).orElse(null);
        if (post == null || post.deleted()) {
            return 0;
        }
        Map<String, String> sections = Sections.split(post.markdown());
        List<String> anchors =
                jdbc.sql("""
                        select distinct anchor from srs_card
                        where post_id = :post and anchor is not null and source_status <> 'REMOVED'
                        """).param("post", postId).query(String.class).list();
        int flagged = 0;
        for (String anchor : anchors) {
            String text = sections.get(anchor);
            String hash = text == null ? "" : Sections.hash(text);
            flagged += jdbc.sql("""
                            update srs_card set source_status = 'CHANGED', source_new_text = :text, version = version + 1
                            where post_id = :post and anchor = :anchor and source_status <> 'REMOVED'
                              and source_hash is distinct from :hash
                              and (source_status = 'CURRENT' or source_new_text is distinct from :text)
                            """)
                    .param("post", postId)
                    .param("anchor", anchor)
                    .param("text", text)
                    .param("hash", hash)
                    .update();
            jdbc.sql("""
                            update srs_card set source_status = 'CURRENT', source_new_text = null, version = version + 1
                            where post_id = :post and anchor = :anchor and source_status = 'CHANGED' and source_hash = :hash
                            """)
                    .param("post", postId)
                    .param("anchor", anchor)
                    .param("hash", hash)
                    .update();
        }
        return flagged;
    }

    /** Call after the read model applied a post deletion. */
    public int postDeleted(UUID postId) {
        return jdbc.sql("""
                        update srs_card set source_status = 'REMOVED', version = version + 1
                        where post_id = :post and source_status <> 'REMOVED'
                        """).param("post", postId).update();
    }
}
