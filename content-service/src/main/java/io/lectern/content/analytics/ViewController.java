package io.lectern.content.analytics;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The view beacon the reader's browser sends once a post is on screen. It is a separate POST rather
 * than a side effect of {@code GET /api/v1/posts/{slug}} because that GET is also made by server-side
 * rendering, link previews, prefetching and caches, none of which is a reader, and a server-side
 * renderer would make every visitor look like one IP. The answer is always 204, so a robot cannot
 * learn whether it was counted.
 */
@RestController
class ViewController {

    private final ViewRecorder views;

    ViewController(ViewRecorder views) {
        this.views = views;
    }

    /** {@code referrer} is the page's {@code document.referrer}; the beacon's own Referer is our page. */
    record ViewBeacon(@Nullable String referrer) {}

    @PostMapping("/api/v1/posts/{slug}/views")
    ResponseEntity<Void> view(
            @PathVariable String slug,
            @RequestBody(required = false) @Nullable ViewBeacon beacon,
            HttpServletRequest request) {
        String referrer = beacon != null && beacon.referrer() != null
                ? beacon.referrer()
                : request.getHeader(HttpHeaders.REFERER);
        // getRemoteAddr is the client as the gateway saw it: forward-headers-strategy honours
        // X-Forwarded-For from trusted (internal) proxies only.
        views.record(slug, request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT), referrer);
        return ResponseEntity.noContent().build();
    }
}
