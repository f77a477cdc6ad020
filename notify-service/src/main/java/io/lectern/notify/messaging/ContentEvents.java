package io.lectern.notify.messaging;

import io.lectern.contracts.events.EventEnvelope;
import io.lectern.contracts.events.content.CommentApproved;
import io.lectern.contracts.events.content.CommentCreated;
import io.lectern.contracts.events.content.PostDeleted;
import io.lectern.contracts.events.content.PostPublished;
import io.lectern.contracts.events.content.PostUnpublished;
import io.lectern.contracts.events.content.PostUpdated;
import io.lectern.notify.digest.DigestPosts;
import io.lectern.notify.email.EmailQueue;
import io.lectern.notify.notification.NewNotification;
import io.lectern.notify.notification.Notifications;
import io.lectern.notify.recipient.Recipient;
import io.lectern.notify.recipient.Recipients;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** content's events: the digest's read model and reply/approval notifications. */
@Component
public class ContentEvents {

    private final DigestPosts posts;
    private final Notifications notifications;
    private final Recipients recipients;
    private final EmailQueue emails;

    ContentEvents(DigestPosts posts, Notifications notifications, Recipients recipients, EmailQueue emails) {
        this.posts = posts;
        this.notifications = notifications;
        this.recipients = recipients;
        this.emails = emails;
    }

    public void onPostPublished(PostPublished e, EventEnvelope envelope) {
        posts.published(e.postId(), e.slug(), e.title(), e.excerpt(), e.authorName(), e.publishedAt(), e.version());
    }

    public void onPostUpdated(PostUpdated e, EventEnvelope envelope) {
        posts.updated(e.postId(), e.slug(), e.title(), e.excerpt(), e.authorName(), e.version());
    }

    public void onPostUnpublished(PostUnpublished e, EventEnvelope envelope) {
        posts.hidden(e.postId(), e.slug(), e.version());
    }

    public void onPostDeleted(PostDeleted e, EventEnvelope envelope) {
        posts.hidden(e.postId(), e.slug(), e.version());
    }

    /** A visible reply notifies the parent's author; a held one waits for CommentApproved. */
    public void onCommentCreated(CommentCreated e, EventEnvelope envelope) {
        if (e.approved() && e.parentAuthorId() != null && !e.parentAuthorId().equals(e.authorId())) {
            replyNotification(e.parentAuthorId(), e.authorName(), e.postTitle(), e.postSlug(), e.commentId());
        }
    }

    public void onCommentApproved(CommentApproved e, EventEnvelope envelope) {
        notifications.create(new NewNotification(
                e.authorId(),
                "comment-approved",
                "Your comment was approved",
                "Your comment on \"" + e.postTitle() + "\" is now visible.",
                commentLink(e.postSlug(), e.commentId()),
                false));
        if (e.parentAuthorId() != null && !e.parentAuthorId().equals(e.authorId())) {
            String author =
                    recipients.find(e.authorId()).map(Recipient::displayName).orElse("Someone");
            replyNotification(e.parentAuthorId(), author, e.postTitle(), e.postSlug(), e.commentId());
        }
    }

    private void replyNotification(UUID to, String authorName, String postTitle, String slug, UUID commentId) {
        notifications.create(new NewNotification(
                to,
                "comment-reply",
                authorName + " replied to your comment",
                authorName + " replied to your comment on \"" + postTitle + "\".",
                commentLink(slug, commentId),
                true));
    }

    private String commentLink(String slug, UUID commentId) {
        return emails.link("/posts/" + slug + "#comment-" + commentId);
    }
}
