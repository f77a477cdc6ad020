package io.lectern.notify.newsletter;

import io.lectern.notify.digest.DigestPosts;
import io.lectern.notify.email.Email;
import io.lectern.notify.email.EmailQueue;
import io.lectern.platform.web.ProblemException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Newsletter issues. Creating one snapshots the confirmed subscribers as pending deliveries; the
 * {@link NewsletterBatcher} turns them into queued e-mails a batch at a time, checking again that
 * each subscriber is still confirmed. Bodies are sanitised even though only admins write them: the
 * HTML goes to every subscriber's mail client.
 */
@Service
class NewsletterIssues {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.IMAGES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("pre", "code", "hr", "br")
                    .toFactory());

    private final JdbcClient jdbc;
    private final EmailQueue emails;
    private final DigestPosts posts;
    private final UnsubscribeLinks links;
    private final Parser markdown = Parser.builder().build();
    private final HtmlRenderer markdownHtml = HtmlRenderer.builder().build();

    NewsletterIssues(JdbcClient jdbc, EmailQueue emails, DigestPosts posts, UnsubscribeLinks links) {
        this.jdbc = jdbc;
        this.emails = emails;
        this.posts = posts;
        this.links = links;
    }

    @Transactional
    IssueStatusResponse create(CreateIssueRequest request, UUID adminId) {
        int bodies = (request.markdown() != null ? 1 : 0)
                + (request.html() != null ? 1 : 0)
                + (request.postId() != null ? 1 : 0);
        if (bodies != 1) {
            throw ProblemException.unprocessable("Give exactly one of markdown, html or postId.");
        }
        String subject = request.subject();
        String html;
        if (request.postId() != null) {
            DigestPosts.DigestPost post = posts.visible(request.postId())
                    .orElseThrow(
                            () -> ProblemException.unprocessable("Post " + request.postId() + " is not published."));
            subject = subject == null || subject.isBlank() ? post.title() : subject;
            html = "<h1>" + escape(post.title()) + "</h1><p>" + escape(post.excerpt()) + "</p><p><a href=\""
                    + escape(emails.link("/posts/" + post.slug())) + "\">Read it on Lectern</a></p>";
        } else if (request.markdown() != null) {
            html = markdownHtml.render(markdown.parse(request.markdown()));
        } else {
            html = request.html();
        }
        if (subject == null || subject.isBlank()) {
            throw ProblemException.unprocessable("An issue needs a subject.");
        }
        String safe = POLICY.sanitize(html);
        if (safe.isBlank()) {
            throw ProblemException.unprocessable("The issue's body is empty after sanitising.");
        }
        String text = Jsoup.parse(safe).wholeText().strip();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO newsletter_issue (id, subject, body_html, body_text, post_id, created_by)
                        VALUES (:id, :subject, :html, :text, :post, :by)
                        """)
                .param("id", id)
                .param("subject", subject.strip())
                .param("html", safe)
                .param("text", text)
                .param("post", request.postId())
                .param("by", adminId)
                .update();
        jdbc.sql("""
                        INSERT INTO newsletter_delivery (issue_id, subscriber_id, status)
                        SELECT :id, id, 'pending' FROM newsletter_subscriber WHERE status = 'confirmed'
                        """).param("id", id).update();
        return status(id);
    }

    /** Queues the next batch of pending deliveries; safe on several instances at once. */
    @Transactional
    int queueBatch(int batchSize) {
        List<Pending> batch = jdbc.sql("""
                        SELECT d.issue_id, d.subscriber_id, s.email, s.status, i.subject, i.body_html, i.body_text
                          FROM newsletter_delivery d
                          JOIN newsletter_issue i ON i.id = d.issue_id
                          LEFT JOIN newsletter_subscriber s ON s.id = d.subscriber_id
                         WHERE d.status = 'pending'
                         ORDER BY i.created_at
                         LIMIT :batch
                           FOR UPDATE OF d SKIP LOCKED
                        """)
                .param("batch", batchSize)
                .query((rs, n) -> new Pending(
                        rs.getObject("issue_id", UUID.class),
                        rs.getObject("subscriber_id", UUID.class),
                        rs.getString("email"),
                        rs.getString("status"),
                        rs.getString("subject"),
                        rs.getString("body_html"),
                        rs.getString("body_text")))
                .list();
        for (Pending p : batch) {
            if (p.email() == null || !"confirmed".equals(p.subscriberStatus())) {
                setDelivery(p, "skipped", null);
                continue;
            }
            String query = links.query(p.subscriberId(), p.email());
            String oneClick = emails.link("/api/v1/newsletter/unsubscribe?" + query);
            UUID emailId = emails.enqueue(new Email(
                    null,
                    p.email(),
                    "newsletter-issue",
                    Map.of(
                            "issueSubject", p.subject(),
                            "bodyHtml", p.html(),
                            "bodyText", p.text(),
                            "unsubscribeUrl", emails.link("/newsletter/unsubscribe?" + query)),
                    Map.of(
                            "List-Unsubscribe", "<" + oneClick + ">",
                            "List-Unsubscribe-Post", "List-Unsubscribe=One-Click",
                            "List-Id", "Lectern newsletter <newsletter.lectern>")));
            setDelivery(p, "queued", emailId);
        }
        return batch.size();
    }

    @Transactional(readOnly = true)
    IssueStatusResponse status(UUID issueId) {
        String subject = jdbc.sql("SELECT subject FROM newsletter_issue WHERE id = :id")
                .param("id", issueId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("Issue " + issueId));
        List<IssueStatusResponse.RecipientStatus> recipients = jdbc.sql("""
                        SELECT d.subscriber_id, s.email,
                               CASE WHEN d.status = 'queued' THEN coalesce(o.status, 'sent') ELSE d.status END AS status,
                               o.last_error
                          FROM newsletter_delivery d
                          LEFT JOIN newsletter_subscriber s ON s.id = d.subscriber_id
                          LEFT JOIN email_outbox o ON o.id = d.email_id
                         WHERE d.issue_id = :id
                         ORDER BY s.email
                        """)
                .param("id", issueId)
                .query((rs, n) -> new IssueStatusResponse.RecipientStatus(
                        rs.getObject("subscriber_id", UUID.class),
                        rs.getString("email"),
                        rs.getString("status"),
                        rs.getString("last_error")))
                .list();
        return IssueStatusResponse.of(issueId, subject, recipients);
    }

    /**
     * Past issues, newest first, a keyset page at a time, each with its delivery counts (the same
     * mapping as {@link #status}: a queued delivery whose e-mail row is gone was sent).
     */
    @Transactional(readOnly = true)
    IssuePage list(@Nullable IssueCursor after, int limit) {
        var query = jdbc.sql("""
                        SELECT i.id, i.subject, i.created_at,
                               count(d.subscriber_id) AS recipients,
                               count(*) FILTER (WHERE d.status = 'pending') AS pending,
                               count(*) FILTER (WHERE d.status = 'queued' AND o.status IN ('queued', 'sending')) AS queued,
                               count(*) FILTER (WHERE d.status = 'queued' AND coalesce(o.status, 'sent') = 'sent') AS sent,
                               count(*) FILTER (WHERE d.status = 'queued' AND o.status = 'failed') AS failed,
                               count(*) FILTER (WHERE d.status = 'skipped') AS skipped
                          FROM (SELECT id, subject, created_at FROM newsletter_issue
                                %s
                                 ORDER BY created_at DESC, id DESC
                                 LIMIT :limit) i
                          LEFT JOIN newsletter_delivery d ON d.issue_id = i.id
                          LEFT JOIN email_outbox o ON o.id = d.email_id
                         GROUP BY i.id, i.subject, i.created_at
                         ORDER BY i.created_at DESC, i.id DESC
                        """.formatted(after == null ? "" : "WHERE (created_at, id) < (:afterAt, :afterId)"))
                .param("limit", limit + 1);
        if (after != null) {
            query = query.param("afterAt", after.at().atOffset(ZoneOffset.UTC)).param("afterId", after.id());
        }
        List<IssueSummary> rows = query.query((rs, n) -> {
                    long pending = rs.getLong("pending");
                    long queued = rs.getLong("queued");
                    return new IssueSummary(
                            rs.getObject("id", UUID.class),
                            rs.getString("subject"),
                            pending + queued == 0 ? IssueSummary.SENT : IssueSummary.SENDING,
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                            rs.getLong("recipients"),
                            pending,
                            queued,
                            rs.getLong("sent"),
                            rs.getLong("failed"),
                            rs.getLong("skipped"));
                })
                .list();
        if (rows.size() <= limit) {
            return new IssuePage(rows, null);
        }
        List<IssueSummary> page = rows.subList(0, limit);
        IssueSummary last = page.getLast();
        return new IssuePage(List.copyOf(page), new IssueCursor(last.sentAt(), last.id()).encode());
    }

    private void setDelivery(Pending p, String status, UUID emailId) {
        jdbc.sql(
                        "UPDATE newsletter_delivery SET status = :status, email_id = :email WHERE issue_id = :issue AND subscriber_id = :sub")
                .param("status", status)
                .param("email", emailId)
                .param("issue", p.issueId())
                .param("sub", p.subscriberId())
                .update();
    }

    private static String escape(String s) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(s);
    }

    private record Pending(
            UUID issueId,
            UUID subscriberId,
            @org.jspecify.annotations.Nullable String email,
            @org.jspecify.annotations.Nullable String subscriberStatus,
            String subject,
            String html,
            String text) {}
}
