package io.lectern.content.feed;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Feeds, sitemap and robots.txt: public, cacheable, and never carrying a premium body. */
@RestController
class FeedController {

    private static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
    private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final FeedService feeds;
    private final Sitemap sitemap;
    private final SiteProperties site;

    FeedController(FeedService feeds, Sitemap sitemap, SiteProperties site) {
        this.feeds = feeds;
        this.sitemap = sitemap;
        this.site = site;
    }

    @GetMapping({"/feed.xml", "/api/v1/feeds/rss.xml"})
    ResponseEntity<String> rss(@RequestParam @Nullable String tag, @RequestParam @Nullable String series) {
        return xml(RSS, feeds.render(FeedService.Format.RSS, tag, series));
    }

    @GetMapping({"/atom.xml", "/api/v1/feeds/atom.xml"})
    ResponseEntity<String> atom(@RequestParam @Nullable String tag, @RequestParam @Nullable String series) {
        return xml(ATOM, feeds.render(FeedService.Format.ATOM, tag, series));
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> sitemap() {
        return xml(MediaType.parseMediaType("application/xml;charset=UTF-8"), sitemap.current());
    }

    @GetMapping(path = "/robots.txt", produces = "text/plain;charset=UTF-8")
    String robots() {
        return "User-agent: *\nAllow: /\nDisallow: /api/v1/admin/\nDisallow: /api/v1/uploads\n\nSitemap: " + site.base()
                + "/sitemap.xml\n";
    }

    private static ResponseEntity<String> xml(MediaType type, String body) {
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(
                        CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .body(body);
    }
}
