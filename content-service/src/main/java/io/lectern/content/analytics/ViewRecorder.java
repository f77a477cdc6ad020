package io.lectern.content.analytics;

import io.lectern.content.feed.SiteProperties;
import io.lectern.platform.web.ProblemException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Counts a reader's view of a published post, privately: the visitor is an HMAC of IP and user agent
 * under the day's salt (never the address itself), robots are dropped, a visitor counts once per post
 * per day (the table's primary key), and of the referrer only the host is kept.
 */
@Service
class ViewRecorder {

    private final JdbcClient jdbc;
    private final ViewSalts salts;
    private final @Nullable String ownHost;

    ViewRecorder(JdbcClient jdbc, ViewSalts salts, SiteProperties site) {
        this.jdbc = jdbc;
        this.salts = salts;
        this.ownHost = hostOf(site.siteUrl());
    }

    /** Answers whether a new view was counted (false for robots and repeat visits). */
    boolean record(String slug, String clientIp, @Nullable String userAgent, @Nullable String referrer) {
        UUID postId = jdbc.sql("select id from post where slug = :slug and status = 'PUBLISHED'")
                .param("slug", slug)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("Post " + slug));
        if (Bots.isBot(userAgent)) {
            return false;
        }
        LocalDate day = salts.today();
        return record(postId, day, visitorKey(salts.saltFor(day), clientIp, userAgent), referrerHost(referrer));
    }

    boolean record(UUID postId, LocalDate day, String visitor, @Nullable String referrerHost) {
        return jdbc.sql("""
                        insert into post_view (post_id, day, visitor_hash, referrer_host)
                        values (:post, :day, :visitor, :referrer) on conflict do nothing
                        """)
                        .param("post", postId)
                        .param("day", day)
                        .param("visitor", visitor)
                        .param("referrer", referrerHost)
                        .update()
                == 1;
    }

    static String visitorKey(byte[] salt, String clientIp, @Nullable String userAgent) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            // The separator keeps ("1.2.3.4", "5x") and ("1.2.3.45", "x") apart.
            byte[] input = (clientIp + "\n" + (userAgent == null ? "" : userAgent)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(mac.doFinal(input));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The referrer's host, lower case; null for direct visits, our own pages and anything not http(s). */
    @Nullable
    String referrerHost(@Nullable String referrer) {
        String host = hostOf(referrer);
        return host == null || host.equals(ownHost) ? null : host;
    }

    private static @Nullable String hostOf(@Nullable String url) {
        if (url == null || url.isBlank() || url.length() > 2000) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return null;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
            return host.length() > 253 ? null : host;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
