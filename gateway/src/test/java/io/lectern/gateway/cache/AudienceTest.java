package io.lectern.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.gateway.auth.Caller;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** How the gateway reads who a service says an answer is for (ADR 0114), and whom it then serves it. */
class AudienceTest {

    static final String CLAIMS = "tier:premium role:editor role:admin";

    static Caller caller(String subject, @Nullable String tier, String... roles) {
        return new Caller(subject, Set.of(roles), tier, Long.MAX_VALUE, "k");
    }

    @Test
    void theBodysAudienceAdmitsVerifiedReadersHoldingOneOfTheClaims() {
        Audience body = Audience.parse("max-age=30, holders=" + CLAIMS);
        assertThat(body).isNotNull();
        assertThat(body.maxAgeSeconds()).isEqualTo(30);
        assertThat(body.holders()).isTrue();
        assertThat(body.claims()).containsExactlyInAnyOrder("tier:premium", "role:editor", "role:admin");
        assertThat(body.admits(caller("p", "premium", "reader"))).isTrue();
        assertThat(body.admits(caller("e", null, "editor"))).isTrue();
        assertThat(body.admits(caller("a", "free", "admin"))).isTrue();
        assertThat(body.admits(caller("f", "free", "reader", "author"))).isFalse();
        assertThat(body.admits(caller("n", null, "reader"))).isFalse();
        assertThat(body.admits(null)).as("never an anonymous reader").isFalse();
    }

    @Test
    void theTeasersAudienceAdmitsEveryoneElseButTheExceptedReader() {
        Audience teaser = Audience.parse("max-age=30, others=" + CLAIMS + ", except=author-7");
        assertThat(teaser).isNotNull();
        assertThat(teaser.holders()).isFalse();
        assertThat(teaser.except()).isEqualTo("author-7");
        assertThat(teaser.admits(null)).isTrue();
        assertThat(teaser.admits(caller("f", "free", "reader"))).isTrue();
        assertThat(teaser.admits(caller("n", null, "reader", "author"))).isTrue();
        assertThat(teaser.admits(caller("p", "premium", "reader"))).isFalse();
        assertThat(teaser.admits(caller("e", null, "editor"))).isFalse();
        assertThat(teaser.admits(caller("author-7", "free", "author")))
                .as("the author reads the body")
                .isFalse();
    }

    @Test
    void anythingElseIsNoAudience() {
        for (String value : new String[] {
            "",
            "max-age=30",
            "holders=" + CLAIMS,
            "max-age=0, holders=" + CLAIMS,
            "max-age=x, holders=" + CLAIMS,
            "max-age=30, holders=",
            "max-age=30, holders=premium",
            "max-age=30, holders=tier:",
            "max-age=30, holders=everyone role:editor",
            "max-age=30, holders=" + CLAIMS + ", except=author-7",
            "max-age=30, holders=" + CLAIMS + ", others=" + CLAIMS,
            "max-age=30, max-age=60, others=" + CLAIMS,
            "max-age=30, others=" + CLAIMS + ", except=",
            "max-age=30, others=" + CLAIMS + ", except=a, except=b",
            "max-age=30, others=" + CLAIMS + ", public",
            "max-age=30, others=" + CLAIMS + ", scope=all"
        }) {
            assertThat(Audience.parse(value)).as(value).isNull();
        }
        assertThat(Audience.parse(null)).isNull();
        assertThat(Audience.parse(" MAX-AGE=30 ,  others = TIER:Premium  role:editor "))
                .as("names and claims are read in any case, spaces around them ignored")
                .isEqualTo(new Audience(30, false, Set.of("tier:premium", "role:editor"), null));
    }
}
