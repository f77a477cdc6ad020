package io.lectern.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** An answer that sets a cookie never reaches a shared cache as storable (the web e2e suite checks the real page). */
class CookieAnswersTest {

    private static HttpHeaders answer(String cacheControl, boolean setsCookie) {
        HttpHeaders headers = new HttpHeaders();
        if (cacheControl != null) {
            headers.add(HttpHeaders.CACHE_CONTROL, cacheControl);
        }
        if (setsCookie) {
            headers.add(HttpHeaders.SET_COOKIE, "lectern_csrf=abc; Path=/; SameSite=lax");
        }
        EdgeFilter.keepCookieAnswersPrivate(headers);
        return headers;
    }

    @Test
    void aPublicPageThatSetsACookieBecomesPrivateAndKeepsItsOtherDirectives() {
        assertThat(answer("s-maxage=60, stale-while-revalidate=31535940", true).getCacheControl())
                .isEqualTo("private, stale-while-revalidate=31535940");
        assertThat(answer("public, max-age=300, S-MaxAge=600, proxy-revalidate", true)
                        .getCacheControl())
                .isEqualTo("private, max-age=300");
    }

    @Test
    void anAnswerThatSetsACookieWithoutCachingDirectivesIsPrivate() {
        assertThat(answer(null, true).getCacheControl()).isEqualTo("private");
    }

    @Test
    void privateNoStoreAndCookielessAnswersAreLeftAlone() {
        assertThat(answer("no-store", true).getCacheControl()).isEqualTo("no-store");
        assertThat(answer("Private, max-age=60", true).getCacheControl()).isEqualTo("Private, max-age=60");
        assertThat(answer("s-maxage=60, stale-while-revalidate=31535940", false).getCacheControl())
                .isEqualTo("s-maxage=60, stale-while-revalidate=31535940");
        assertThat(answer(null, false).getCacheControl()).isNull();
    }
}
