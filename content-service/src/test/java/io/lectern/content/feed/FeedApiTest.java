package io.lectern.content.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.lectern.content.support.ContentApiTest;
import java.io.StringReader;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;

class FeedApiTest extends ContentApiTest {

    private static SyndFeed parse(String xml) throws Exception {
        return new SyndFeedInput().build(new StringReader(xml));
    }

    private static SyndEntry entry(SyndFeed feed, String title) {
        return feed.getEntries().stream()
                .filter(e -> e.getTitle().equals(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + title));
    }

    @Test
    void rssAndAtomParseBackWithRomeAndNeverCarryPremiumBodies() throws Exception {
        String tag = unique("feedtag");
        String free = unique("Free post");
        String paid = unique("Paid post");
        createPublished(authorToken(), postBody(free, "Open **knowledge**", "tags", List.of(tag)));
        createPublished(
                authorToken(),
                postBody(
                        paid,
                        "Teaser. " + "filler ".repeat(80) + "Hidden **treasure** text",
                        "tags",
                        List.of(tag),
                        "premium",
                        true));

        for (String format : List.of("rss.xml", "atom.xml")) {
            Response r = get("/api/v1/feeds/" + format + "?tag=" + tag, null).expect(200);
            assertThat(r.header("Content-Type")).contains(format.startsWith("rss") ? "rss+xml" : "atom+xml");
            assertThat(r.body()).doesNotContain("treasure");
            SyndFeed feed = parse(r.body());
            assertThat(feed.getFeedType()).isEqualTo(format.startsWith("rss") ? "rss_2.0" : "atom_1.0");
            assertThat(feed.getEntries()).hasSize(2);
            SyndEntry open = entry(feed, free);
            String content = open.getContents().isEmpty()
                    ? open.getDescription().getValue()
                    : open.getContents().get(0).getValue();
            assertThat(content).contains("knowledge");
            assertThat(open.getLink())
                    .endsWith(
                            "/posts/" + open.getLink().substring(open.getLink().lastIndexOf('/') + 1));
            assertThat(entry(feed, paid).getContents()).isEmpty();
        }
        assertThat(parse(get("/api/v1/feeds/rss.xml", null).expect(200).body()).getEntries())
                .isNotEmpty();
        get("/api/v1/feeds/rss.xml?tag=" + unique("missing"), null).expectProblem(404);
        get("/api/v1/feeds/atom.xml?series=" + unique("missing"), null).expectProblem(404);
    }

    @Test
    void sitemapIsValidAgainstTheSitemapsSchemaAndListsNewlyPublishedPosts() throws Exception {
        String slug = createPublished(authorToken(), postBody(unique("Mapped"), "body"))
                .path("slug")
                .asString();
        String draft = createPost(authorToken(), postBody(unique("Unmapped"), "body"))
                .path("slug")
                .asString();
        String xml = get("/sitemap.xml", null).expect(200).body();
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(getClass().getResourceAsStream("/xsd/sitemap.xsd")));
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
        assertThat(xml).contains("/posts/" + slug + "</loc>").doesNotContain("/posts/" + draft + "<");

        String robots = get("/robots.txt", null).expect(200).body();
        assertThat(robots).contains("Sitemap: ").contains("/sitemap.xml").contains("Disallow: /api/v1/admin/");
    }
}
