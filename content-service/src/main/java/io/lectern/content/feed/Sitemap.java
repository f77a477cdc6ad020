package io.lectern.content.feed;

import io.lectern.content.post.PostsChanged;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.util.HtmlUtils;

/**
 * The sitemap is generated, stored, and served from the store: rebuilt after every publish, unpublish,
 * rename or delete has committed, and nightly at 02:00 (one instance, via ShedLock) as a safety net.
 */
@Component
public class Sitemap {

    private final JdbcClient jdbc;
    private final SiteProperties site;

    Sitemap(JdbcClient jdbc, SiteProperties site) {
        this.jdbc = jdbc;
        this.site = site;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onPostsChanged(PostsChanged change) {
        regenerate();
    }

    @Scheduled(cron = "${lectern.content.sitemap-cron:0 0 2 * * *}")
    @SchedulerLock(name = "content-regenerate-sitemap", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    @Transactional
    public void nightly() {
        regenerate();
    }

    @Transactional
    public String regenerate() {
        StringBuilder xml = new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        url(xml, site.base() + "/", null);
        jdbc.sql("select slug, updated_at from post where status = 'PUBLISHED' order by published_at desc limit 45000")
                .query(rs -> {
                    url(
                            xml,
                            site.base() + "/posts/" + rs.getString("slug"),
                            rs.getObject("updated_at", OffsetDateTime.class));
                });
        jdbc.sql("select slug, updated_at from series order by slug").query(rs -> {
            url(xml, site.base() + "/series/" + rs.getString("slug"), rs.getObject("updated_at", OffsetDateTime.class));
        });
        jdbc.sql(
                        "select slug from tag t where exists (select 1 from post_tag pt join post p on p.id = pt.post_id where pt.tag_id = t.id and p.status = 'PUBLISHED') order by slug")
                .query(rs -> {
                    url(xml, site.base() + "/tags/" + rs.getString("slug"), null);
                });
        xml.append("</urlset>\n");
        String text = xml.toString();
        jdbc.sql("""
                        insert into sitemap (id, xml, generated_at) values (1, :xml, now())
                        on conflict (id) do update set xml = excluded.xml, generated_at = excluded.generated_at
                        """).param("xml", text).update();
        return text;
    }

    private static void url(StringBuilder xml, String loc, @org.jspecify.annotations.Nullable OffsetDateTime lastmod) {
        xml.append("  <url><loc>").append(HtmlUtils.htmlEscape(loc)).append("</loc>");
        if (lastmod != null) {
            xml.append("<lastmod>")
                    .append(lastmod.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                    .append("</lastmod>");
        }
        xml.append("</url>\n");
    }

    String current() {
        return jdbc.sql("select xml from sitemap where id = 1")
                .query(String.class)
                .optional()
                .orElseGet(this::regenerate);
    }
}
