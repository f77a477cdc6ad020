package io.lectern.content.analytics;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which user agents are not people. A view is only worth counting when a browser sent it, so the list
 * errs on the side of dropping: crawlers, link previewers, uptime monitors, HTTP libraries and
 * headless browsers. An empty user agent is a script too (every browser sends one).
 */
final class Bots {

    private static final Pattern PATTERN =
            Pattern.compile("(?i)(bot|crawl|spider|slurp|archiver|curl|wget|headless|python-requests|python-urllib"
                    + "|aiohttp|httpx|java-http-client|okhttp|apache-httpclient|go-http-client|libwww|scrapy"
                    + "|phantomjs|puppeteer|playwright|selenium|lighthouse|pingdom|uptime|monitor|preview"
                    + "|facebookexternalhit|embedly|feedfetcher|mediapartners|axios|node-fetch|undici|postman"
                    + "|insomnia|httpie|wordpress|feedly|validator)");

    private Bots() {}

    static boolean isBot(@Nullable String userAgent) {
        return userAgent == null
                || userAgent.isBlank()
                || PATTERN.matcher(userAgent).find();
    }
}
