package io.lectern.content.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.content.support.ContentApiTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class AnalyticsApiTest extends ContentApiTest {

    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final String CHROME =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ViewSalts salts;

    @Autowired
    SaltRotation rotation;

    private String publishedSlug() {
        return createPublished(authorToken(), postBody(unique("Analytics post"), "Body worth reading."))
                .path("slug")
                .asString();
    }

    private Response beacon(String slug, String ip, String userAgent, Object body) {
        return send(
                "POST",
                "/api/v1/posts/" + slug + "/views",
                null,
                body,
                Map.of("X-Forwarded-For", ip, "User-Agent", userAgent));
    }

    private long viewsToday(String slug) {
        return get("/api/v1/admin/analytics/views?post=" + slug, editorToken())
                .expect(200)
                .json()
                .path("total")
                .asLong();
    }

    @Test
    void aVisitorCountsOncePerPostPerDayAndIpOrUserAgentMakeADifferentVisitor() {
        String slug = publishedSlug();
        Map<String, Object> noReferrer = Map.of();
        beacon(slug, "203.0.113.10", FIREFOX, noReferrer).expect(204);
        beacon(slug, "203.0.113.10", FIREFOX, noReferrer).expect(204);
        assertThat(viewsToday(slug)).isEqualTo(1);

        beacon(slug, "203.0.113.10", CHROME, noReferrer).expect(204);
        assertThat(viewsToday(slug)).isEqualTo(2);

        // Same browser, another address: proves X-Forwarded-For from the (trusted, local) proxy is the client.
        beacon(slug, "203.0.113.11", FIREFOX, noReferrer).expect(204);
        assertThat(viewsToday(slug)).isEqualTo(3);

        // The same visitor on another post is a view of that post.
        String other = publishedSlug();
        beacon(other, "203.0.113.10", FIREFOX, noReferrer).expect(204);
        assertThat(viewsToday(other)).isEqualTo(1);
        assertThat(viewsToday(slug)).isEqualTo(3);
    }

    @Test
    void robotsAreAnsweredLikeReadersButNeverCounted() {
        String slug = publishedSlug();
        for (String bot : List.of(
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                "curl/8.5.0",
                "python-requests/2.31.0",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120.0 Safari/537.36")) {
            beacon(slug, "203.0.113.20", bot, Map.of()).expect(204);
        }
        // No User-Agent header at all: Java's client sends its own, which is on the list too.
        send("POST", "/api/v1/posts/" + slug + "/views", null, null).expect(204);
        assertThat(viewsToday(slug)).isZero();
        assertThat(jdbc.sql("select count(*) from post_view v join post p on p.id = v.post_id where p.slug = :s")
                        .param("s", slug)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void onlyPublishedPostsTakeViews() {
        String draft = createPost(authorToken(), postBody(unique("Draft"), "Not yet."))
                .path("slug")
                .asString();
        beacon(draft, "203.0.113.30", FIREFOX, Map.of()).expectProblem(404);
        beacon("no-such-post-anywhere", "203.0.113.30", FIREFOX, Map.of()).expectProblem(404);
    }

    @Test
    void neitherTheAddressNorTheUserAgentNorTheFullReferrerIsStoredAnywhereInTheSchema() {
        String slug = publishedSlug();
        String ip = "198.51.100.173";
        String agent = FIREFOX + " Marker" + unique("ua").replace("-", "");
        beacon(slug, ip, agent, Map.of("referrer", "https://News.Example.org/item?id=4242&utm_source=secretpath"))
                .expect(204);
        // An IPv6 client, whose address has a very different shape.
        String ip6 = "2001:db8::5eed:1";
        beacon(slug, ip6, agent, Map.of()).expect(204);
        assertThat(viewsToday(slug)).isEqualTo(2);

        List<String> tables = jdbc.sql(
                        "select table_name from information_schema.tables where table_schema = 'content' and table_type = 'BASE TABLE'")
                .query(String.class)
                .list();
        assertThat(tables).contains("post_view", "view_salt", "outbox");
        StringBuilder dump = new StringBuilder();
        for (String table : tables) {
            // Table names come from the catalogue, not from input.
            dump.append(jdbc.sql("select coalesce(string_agg(t::text, E'\\n'), '') from content.\"" + table + "\" t")
                    .query(String.class)
                    .single());
        }
        assertThat(dump).contains(slug); // the dump really covers the rows we wrote
        assertThat(dump.toString())
                .doesNotContain(ip)
                .doesNotContain("198.51.100")
                .doesNotContain(ip6)
                .doesNotContain(":5eed:") // the group itself: "5eed" alone also occurs in random UUIDs
                .doesNotContain("Marker")
                .doesNotContain("secretpath")
                .doesNotContain("item?id=4242");
        List<Map<String, Object>> rows = jdbc.sql("""
                        select v.visitor_hash, v.referrer_host from post_view v join post p on p.id = v.post_id
                        where p.slug = :s order by v.referrer_host nulls last
                        """).param("s", slug).query().listOfRows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("referrer_host")).isEqualTo("news.example.org");
        assertThat(rows.get(1).get("referrer_host")).isNull();
        rows.forEach(r -> assertThat((String) r.get("visitor_hash")).matches("[0-9a-f]{64}"));
    }

    @Test
    void saltsRotateDailyAndPastSaltsAreDeleted() {
        LocalDate today = salts.today();
        LocalDate yesterday = today.minusDays(1);
        byte[] todaySalt = salts.saltFor(today);
        byte[] yesterdaySalt = salts.saltFor(yesterday);
        assertThat(yesterdaySalt).isNotEqualTo(todaySalt);
        assertThat(ViewRecorder.visitorKey(yesterdaySalt, "203.0.113.9", FIREFOX))
                .isNotEqualTo(ViewRecorder.visitorKey(todaySalt, "203.0.113.9", FIREFOX));

        // Using today's salt again drops yesterday's, and today's stays the same all day.
        assertThat(salts.saltFor(today)).isEqualTo(todaySalt);
        assertThat(saltDays()).containsExactly(today);

        // The hourly job removes a past salt even when no view arrives to trigger it.
        jdbc.sql("insert into view_salt (day, salt) values (:d, :s)")
                .param("d", today.minusDays(3))
                .param("s", new byte[32])
                .update();
        rotation.rotate();
        assertThat(saltDays()).containsExactly(today);
        assertThat(salts.saltFor(today)).isEqualTo(todaySalt);
    }

    private List<LocalDate> saltDays() {
        return jdbc.sql("select day from view_salt order by day")
                .query(LocalDate.class)
                .list();
    }

    @Test
    void reportsShowViewsPerDayTopPostsReferrersAndReactions() {
        String slug = publishedSlug();
        String host = unique("blog") + ".example.net";
        beacon(slug, "203.0.113.40", FIREFOX, Map.of("referrer", "https://" + host + "/a"))
                .expect(204);
        beacon(slug, "203.0.113.41", FIREFOX, Map.of("referrer", "https://" + host + "/b"))
                .expect(204);
        beacon(slug, "203.0.113.42", FIREFOX, Map.of("referrer", "http://localhost:8080/posts/other"))
                .expect(204);
        put("/api/v1/posts/" + slug + "/reactions/like", readerToken(), null).expect(200);
        put("/api/v1/posts/" + slug + "/reactions/insightful", readerToken(), null)
                .expect(200);

        LocalDate today = salts.today();
        JsonNode days = get(
                        "/api/v1/admin/analytics/views?post=" + slug + "&from=" + today.minusDays(6) + "&to=" + today,
                        editorToken())
                .expect(200)
                .json();
        assertThat(days.path("days")).hasSize(7);
        assertThat(days.path("days").get(6).path("day").asString()).isEqualTo(today.toString());
        assertThat(days.path("days").get(6).path("views").asLong()).isEqualTo(3);
        assertThat(days.path("days").get(0).path("views").asLong()).isZero();
        assertThat(days.path("post").path("slug").asString()).isEqualTo(slug);
        JsonNode siteWide = get("/api/v1/admin/analytics/views", bearer(editor, "admin"))
                .expect(200)
                .json();
        assertThat(siteWide.path("days")).hasSize(30);
        assertThat(siteWide.path("total").asLong()).isGreaterThanOrEqualTo(3);

        JsonNode top = get("/api/v1/admin/analytics/top-posts?limit=100", editorToken())
                .expect(200)
                .json()
                .path("items");
        JsonNode mine = null;
        for (JsonNode item : top) {
            if (item.path("slug").asString().equals(slug)) {
                mine = item;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("views").asLong()).isEqualTo(3);

        JsonNode referrers = get("/api/v1/admin/analytics/referrers?limit=100", editorToken())
                .expect(200)
                .json();
        assertThat(referrers.path("items").findValuesAsString("host"))
                .contains(host)
                .doesNotContain("localhost");
        assertThat(referrers.path("direct").asLong()).isGreaterThanOrEqualTo(1);

        JsonNode reactions = get("/api/v1/admin/analytics/reactions?limit=100", editorToken())
                .expect(200)
                .json();
        assertThat(reactions.path("byType").path("LIKE").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode reacted = null;
        for (JsonNode item : reactions.path("topPosts")) {
            if (item.path("slug").asString().equals(slug)) {
                reacted = item;
            }
        }
        assertThat(reacted).isNotNull();
        assertThat(reacted.path("total").asLong()).isEqualTo(2);
        assertThat(reacted.path("byType").path("INSIGHTFUL").asLong()).isEqualTo(1);
        assertThat(reacted.path("byType").path("CELEBRATE").asLong()).isZero();
    }

    @Test
    void reportsAreForEditorsAndAdminsOnly() {
        for (String path : List.of("views", "top-posts", "referrers", "reactions")) {
            get("/api/v1/admin/analytics/" + path, readerToken()).expectProblem(403);
            get("/api/v1/admin/analytics/" + path, authorToken()).expectProblem(403);
            get("/api/v1/admin/analytics/" + path, null).expectProblem(401);
            get("/api/v1/admin/analytics/" + path, editorToken()).expect(200);
        }
    }

    @Test
    void badRangesAndLimitsAreProblems() {
        String base = "/api/v1/admin/analytics/views";
        get(base + "?from=2025-03-10&to=2025-03-01", editorToken()).expectProblem(422);
        JsonNode tooLong = get(base + "?from=2024-01-01&to=2025-03-01", editorToken())
                .expectProblem(422)
                .json();
        assertThat(tooLong.path("maxDays").asInt()).isEqualTo(366);
        get(base + "?from=2025-01-01&to=2026-01-01", editorToken()).expect(200); // 366 days: the limit itself
        get(base + "?from=yesterday", editorToken()).expectProblem(400);
        get(base + "?to=2025-02-30", editorToken()).expectProblem(400);
        get(base + "?post=no-such-post-anywhere", editorToken()).expectProblem(404);
        get("/api/v1/admin/analytics/top-posts?limit=0", editorToken()).expectProblem(400);
        get("/api/v1/admin/analytics/referrers?limit=101", editorToken()).expectProblem(400);
    }
}
