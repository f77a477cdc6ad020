package io.lectern.content.feed;

import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.lectern.platform.web.ProblemException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** RSS 2.0 and Atom 1.0 for the whole site, a tag or a series. Premium posts appear with their excerpt only. */
@Service
class FeedService {

    private final JdbcClient jdbc;
    private final SiteProperties site;

    FeedService(JdbcClient jdbc, SiteProperties site) {
        this.jdbc = jdbc;
        this.site = site;
    }

    enum Format {
        RSS("rss_2.0"),
        ATOM("atom_1.0");

        final String romeType;

        Format(String romeType) {
            this.romeType = romeType;
        }
    }

    private record Item(
            UUID id,
            String slug,
            String title,
            String excerpt,
            String html,
            boolean premium,
            String author,
            OffsetDateTime publishedAt,
            OffsetDateTime updatedAt,
            @Nullable String tags) {}

    String render(Format format, @Nullable String tag, @Nullable String series) {
        String scope = "";
        String title = site.siteTitle();
        String selfPath = "/api/v1/feeds/" + (format == Format.RSS ? "rss.xml" : "atom.xml");
        if (tag != null) {
            String name = jdbc.sql("select name from tag where slug = :s")
                    .param("s", tag)
                    .query(String.class)
                    .optional()
                    .orElseThrow(() -> ProblemException.notFound("Tag '" + tag + "'"));
            scope =
                    " and exists (select 1 from post_tag pt join tag t on t.id = pt.tag_id where pt.post_id = p.id and t.slug = :tag)";
            title += " — " + name;
            selfPath += "?tag=" + tag;
        } else if (series != null) {
            String name = jdbc.sql("select title from series where slug = :s")
                    .param("s", series)
                    .query(String.class)
                    .optional()
                    .orElseThrow(() -> ProblemException.notFound("Series '" + series + "'"));
            scope = " and p.series_id = (select id from series where slug = :series)";
            title += " — " + name;
            selfPath += "?series=" + series;
        }
        var query = jdbc.sql("""
                        select p.id, p.slug, p.title, p.excerpt, p.html, p.premium, p.author_name, p.published_at,
                          p.updated_at,
                          (select string_agg(t.name, ',' order by t.slug) from post_tag pt join tag t on t.id = pt.tag_id
                           where pt.post_id = p.id) as tags
                        from post p where p.status = 'PUBLISHED'
                        """ + scope + " order by p.published_at desc, p.id desc limit :limit")
                .param("limit", site.feedSize());
        if (tag != null) {
            query = query.param("tag", tag);
        }
        if (series != null) {
            query = query.param("series", series);
        }
        List<Item> items = query.query((rs, n) -> new Item(
                        rs.getObject("id", UUID.class),
                        rs.getString("slug"),
                        rs.getString("title"),
                        rs.getString("excerpt"),
                        rs.getString("html"),
                        rs.getBoolean("premium"),
                        rs.getString("author_name"),
                        rs.getObject("published_at", OffsetDateTime.class),
                        rs.getObject("updated_at", OffsetDateTime.class),
                        rs.getString("tags")))
                .list();

        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType);
        feed.setTitle(title);
        feed.setLink(site.base() + "/");
        feed.setDescription("Latest posts from " + title);
        feed.setUri(site.base() + selfPath);
        SyndLinkImpl self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(site.base() + selfPath);
        SyndLinkImpl alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setHref(site.base() + "/");
        feed.setLinks(List.of(alternate, self));
        feed.setPublishedDate(
                items.isEmpty()
                        ? new Date(0)
                        : Date.from(items.get(0).publishedAt().toInstant()));
        List<SyndEntry> entries = new ArrayList<>();
        for (Item item : items) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setTitle(item.title());
            entry.setLink(site.base() + "/posts/" + item.slug());
            entry.setUri("urn:uuid:" + item.id());
            entry.setAuthor(item.author());
            entry.setPublishedDate(Date.from(item.publishedAt().toInstant()));
            entry.setUpdatedDate(Date.from(item.updatedAt().toInstant()));
            SyndContentImpl summary = new SyndContentImpl();
            summary.setType("text/plain");
            summary.setValue(item.excerpt());
            entry.setDescription(summary);
            if (!item.premium()) {
                SyndContentImpl body = new SyndContentImpl();
                body.setType("html");
                body.setValue(item.html());
                entry.setContents(List.of(body));
            }
            if (item.tags() != null) {
                List<com.rometools.rome.feed.synd.SyndCategory> categories = new ArrayList<>();
                for (String t : item.tags().split(",")) {
                    SyndCategoryImpl c = new SyndCategoryImpl();
                    c.setName(t);
                    categories.add(c);
                }
                entry.setCategories(categories);
            }
            entries.add(entry);
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("feed could not be written", e);
        }
    }
}
