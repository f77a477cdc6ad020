package io.lectern.content.messaging;

import io.lectern.content.comment.CommentService;
import io.lectern.content.reaction.ReactionService;
import io.lectern.content.upload.UploadService;
import io.lectern.contracts.events.EventEnvelope;
import io.lectern.contracts.events.identity.UserDeleted;
import io.lectern.contracts.events.identity.UserProfileChanged;
import io.lectern.contracts.events.identity.UserRegistered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What content does when identity reports a change. Handlers run in the bus's inbox transaction, so a
 * redelivered event has no second effect; the profile copy also ignores versions older than the one held.
 */
@Component
public class IdentityEventHandlers {

    private final JdbcClient jdbc;
    private final CommentService comments;
    private final ReactionService reactions;

    private final UploadService uploads;

    IdentityEventHandlers(JdbcClient jdbc, CommentService comments, ReactionService reactions, UploadService uploads) {
        this.jdbc = jdbc;
        this.comments = comments;
        this.reactions = reactions;
        this.uploads = uploads;
    }

    /** A name from the moment the account exists: authors and commenters are never "Unknown". */
    public void onUserRegistered(UserRegistered event, EventEnvelope envelope) {
        int applied = jdbc.sql("""
                        insert into author_profile (user_id, display_name, version) values (:id, :name, 0)
                        on conflict (user_id) do nothing
                        """)
                .param("id", event.userId())
                .param("name", event.displayName())
                .update();
        if (applied > 0) {
            rename(event.userId(), event.displayName());
        }
    }

    public void onUserProfileChanged(UserProfileChanged event, EventEnvelope envelope) {
        int applied = jdbc.sql("""
                        insert into author_profile (user_id, display_name, version) values (:id, :name, :version)
                        on conflict (user_id) do update set display_name = excluded.display_name, version = excluded.version
                        where author_profile.version < excluded.version and not author_profile.deleted
                        """)
                .param("id", event.userId())
                .param("name", event.displayName())
                .param("version", event.version())
                .update();
        if (applied > 0) {
            rename(event.userId(), event.displayName());
        }
    }

    private void rename(java.util.UUID userId, String displayName) {
        jdbc.sql("update post set author_name = :name where author_id = :id and author_name <> :name")
                .param("name", displayName)
                .param("id", userId)
                .update();
        comments.renameAuthor(userId, displayName);
    }

    public void onUserDeleted(UserDeleted event, EventEnvelope envelope) {
        comments.anonymiseAuthor(event.userId());
        reactions.removeAllOf(event.userId());
        uploads.removeAllOf(event.userId());
        // a tombstone, not a delete: no later profile event may bring the name back
        jdbc.sql("""
                        insert into author_profile (user_id, display_name, version, deleted)
                        values (:id, '', :max, true)
                        on conflict (user_id) do update set display_name = '', version = :max, deleted = true
                        """).param("id", event.userId()).param("max", Long.MAX_VALUE).update();
    }
}
