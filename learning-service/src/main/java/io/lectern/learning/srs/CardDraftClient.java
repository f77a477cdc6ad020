package io.lectern.learning.srs;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * ai-service's {@code POST /internal/v1/card-drafts}, behind a timeout and a circuit breaker. Empty
 * means "use the local drafts": ai-service is down, slow, failing, the breaker is open, or it
 * answered nothing usable. The reader's bearer token is forwarded.
 */
@Component
class CardDraftClient {

    private static final Logger log = LoggerFactory.getLogger(CardDraftClient.class);

    record Drafted(String generator, List<DraftedCard> cards) {}

    record DraftedCard(String front, String back, @Nullable String anchor) {}

    private record DraftRequest(UUID postId, int count) {}

    private static final JsonMapper JSON = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .build();

    private final RestClient http;
    private final CircuitBreaker breaker;

    CardDraftClient(SrsProperties props) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(props.drafts().timeout());
        factory.setReadTimeout(props.drafts().timeout());
        this.http = RestClient.builder()
                .baseUrl(props.drafts().aiBaseUrl().toString())
                .requestFactory(factory)
                .build();
        this.breaker = CircuitBreaker.of(
                "ai-card-drafts",
                CircuitBreakerConfig.custom()
                        .slidingWindowSize(10)
                        .minimumNumberOfCalls(5)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofSeconds(30))
                        .build());
    }

    Optional<Drafted> draft(UUID postId, int count, @Nullable String bearer) {
        try {
            String body = breaker.executeSupplier(() -> http.post()
                    .uri("/internal/v1/card-drafts")
                    .contentType(MediaType.APPLICATION_JSON)
                    .headers(h -> {
                        if (bearer != null) {
                            h.set(HttpHeaders.AUTHORIZATION, bearer);
                        }
                    })
                    .body(new DraftRequest(postId, count))
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .body(String.class));
            if (body == null || body.isBlank()) {
                return Optional.empty();
            }
            Drafted drafted = JSON.readValue(body, Drafted.class);
            if (drafted == null || drafted.cards() == null || drafted.cards().isEmpty()) {
                return Optional.empty();
            }
            List<DraftedCard> usable = drafted.cards().stream()
                    .filter(c -> c.front() != null
                            && !c.front().isBlank()
                            && c.back() != null
                            && !c.back().isBlank())
                    .toList();
            return usable.isEmpty() ? Optional.empty() : Optional.of(new Drafted(drafted.generator(), usable));
        } catch (JacksonException e) {
            log.info("ai-service card drafts unreadable ({}); using key sentences", e.getOriginalMessage());
            return Optional.empty();
        } catch (CallNotPermittedException e) {
            return Optional.empty();
        } catch (RestClientException e) {
            log.info("ai-service card drafts unavailable ({}); using key sentences", e.getMessage());
            return Optional.empty();
        }
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }
}
