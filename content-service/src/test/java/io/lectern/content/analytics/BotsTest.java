package io.lectern.content.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BotsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
                "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
                "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
                "curl/8.5.0",
                "Wget/1.21.4",
                "python-requests/2.31.0",
                "Java-http-client/21.0.2",
                "Go-http-client/1.1",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36",
                "Mozilla/5.0 (compatible; YandexSpider/3.0)",
                "UptimeRobot/2.0",
                " ",
                ""
            })
    void robotsLibrariesAndEmptyAgentsAreNotReaders(String userAgent) {
        assertThat(Bots.isBot(userAgent)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
            })
    void browsersAreReaders(String userAgent) {
        assertThat(Bots.isBot(userAgent)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void noUserAgentIsARobot() {
        assertThat(Bots.isBot(null)).isTrue();
    }
}
