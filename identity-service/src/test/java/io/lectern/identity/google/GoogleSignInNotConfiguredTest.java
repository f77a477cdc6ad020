package io.lectern.identity.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lectern.eventbus.EventPublisher;
import io.lectern.identity.IdentityTestSupport;
import io.lectern.identity.account.ProfileChanges;
import io.lectern.identity.account.Users;
import io.lectern.platform.web.ProblemException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import redis.clients.jedis.RedisClient;

/**
 * The suite's context and the end-to-end platform both configure Google (against stand-ins); this
 * covers what a site without GOOGLE_CLIENT_ID/SECRET does: no attempt is started or stored.
 */
class GoogleSignInNotConfiguredTest extends IdentityTestSupport {

    @Autowired
    RedisClient redis;

    @Autowired
    Users users;

    @Autowired
    EventPublisher events;

    @Autowired
    ProfileChanges profileChanges;

    @Autowired
    TransactionTemplate tx;

    @Test
    void withoutClientIdOrSecretStartAnswers503AndStoresNoAttempt() {
        String namespace = "google-off-" + System.nanoTime();
        for (GoogleProperties props :
                List.of(properties("", "secret"), properties("id.apps.googleusercontent.com", ""))) {
            GoogleSignIn google = new GoogleSignIn(props, redis, users, events, profileChanges, tx, namespace);
            ProblemException refused = catchThrowableOfType(ProblemException.class, google::start);
            assertThat(refused.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(refused.getMessage()).contains("Google sign-in is not configured.");
        }
        assertThat(redis.scanIteration(100, namespace + ":*").collect(new ArrayList<>()))
                .isEmpty();
    }

    private static GoogleProperties properties(String clientId, String clientSecret) {
        return new GoogleProperties(
                clientId,
                clientSecret,
                URI.create("https://accounts.google.com/o/oauth2/v2/auth"),
                URI.create("https://oauth2.googleapis.com/token"),
                URI.create("https://www.googleapis.com/oauth2/v3/certs"),
                List.of("https://accounts.google.com"),
                URI.create("http://localhost:8080/api/v1/auth/google/callback"),
                "/",
                Duration.ofMinutes(10),
                Duration.ofSeconds(5));
    }
}
