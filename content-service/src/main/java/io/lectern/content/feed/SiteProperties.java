package io.lectern.content.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The public address and name of the site, for absolute links in feeds and the sitemap. */
@ConfigurationProperties("lectern.content")
public record SiteProperties(
        @DefaultValue("http://localhost:8080") String siteUrl,
        @DefaultValue("Lectern") String siteTitle,
        @DefaultValue("50") int feedSize) {

    String base() {
        return siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    }
}
