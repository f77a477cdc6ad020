package io.lectern.learning.ai;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * ai-service's internal endpoints (quiz question generation, grading, review card drafts), behind one
 * circuit breaker and one timeout ({@code lectern.learning.ai.*}). Every call returns empty when
 * ai-service is down, slow, failing, answers nothing usable or the breaker is open: callers then use
 * their local fallback and say so. The end user's bearer token is forwarded.
 */
@Component
public class AiClient {

    private static final Logger log = LoggerFactory.getLogger(AiClient.class);

    /** {@code POST /internal/v1/quiz-questions} answer. */
    public record GeneratedQuestions(String generator, List<GeneratedQuestion> questions) {}

    public record GeneratedQuestion(
            String type,
            String prompt,
            @Nullable List<String> options,
            @Nullable List<Integer> correct,
            @Nullable String clozeAnswer,
            @Nullable String explanation,
            @Nullable String anchor) {}

    record QuestionsRequest(UUID postId, int count, List<String> types) {}

    record GradeRequest(String question, String reference, String answer) {}

    record DraftRequest(UUID postId, int count) {}

    /** {@code POST /internal/v1/card-drafts} answer. */
    public record Drafted(String generator, List<DraftedCard> cards) {}

    public record DraftedCard(
            String front, String back, @Nullable String anchor) {}

    /** {@code POST /internal/v1/grade} answer. */
    public record Grade(
            double score,
            double similarity,
            @Nullable List<String> coveredTerms,
            @Nullable List<String> missingTerms,
            @Nullable String feedback,
            String method) {}

    private final RestClient http;
    private final CircuitBreaker breaker;

    AiClient(AiProperties props, MeterRegistry meters) {
        // The JDK's HttpURLConnection (kept-alive connections, timeouts per connect and per read), not its
        // HttpClient: building an HttpClient initialises the default TLS context, about 400 classes and
        // the parsed CA store in the heap of a service that talks plain HTTP to ai-service (an https
        // base URL still works; TLS is then set up on the first call).
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(props.connectTimeout());
        factory.setReadTimeout(props.timeout());
        this.http = RestClient.builder()
                .baseUrl(props.baseUrl())
                .requestFactory(factory)
                .build();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(props.failureRatePercent())
                .slidingWindowSize(props.windowSize())
                .minimumNumberOfCalls(Math.min(5, props.windowSize()))
                .waitDurationInOpenState(props.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
        this.breaker = registry.circuitBreaker("ai-service");
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
    }

    public Optional<GeneratedQuestions> quizQuestions(UUID postId, int count, List<String> types) {
        return call(
                "quiz-questions",
                () -> http.post()
                        .uri("/internal/v1/quiz-questions")
                        .headers(this::forwardToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(new QuestionsRequest(postId, count, types))
                        .retrieve()
                        .body(GeneratedQuestions.class));
    }

    public Optional<Grade> grade(String question, String reference, String answer) {
        return call(
                "grade",
                () -> http.post()
                        .uri("/internal/v1/grade")
                        .headers(this::forwardToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(new GradeRequest(question, reference, answer))
                        .retrieve()
                        .body(Grade.class));
    }

    /**
     * Review card drafts for a post; only cards with a front and a back are kept, empty when none is.
     * {@code bearer} is the reader's {@code Authorization} value when the call is made outside their
     * request (null: the current request's token, if any).
     */
    public Optional<Drafted> cardDrafts(UUID postId, int count, @Nullable String bearer) {
        return call(
                        "card-drafts",
                        () -> http.post()
                                .uri("/internal/v1/card-drafts")
                                .headers(h -> {
                                    if (bearer != null) {
                                        h.set(HttpHeaders.AUTHORIZATION, bearer);
                                    } else {
                                        forwardToken(h);
                                    }
                                })
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(new DraftRequest(postId, count))
                                .retrieve()
                                .body(Drafted.class))
                .flatMap(d -> {
                    List<DraftedCard> usable = d.cards() == null
                            ? List.of()
                            : d.cards().stream()
                                    .filter(c -> c.front() != null
                                            && !c.front().isBlank()
                                            && c.back() != null
                                            && !c.back().isBlank())
                                    .toList();
                    return usable.isEmpty() ? Optional.empty() : Optional.of(new Drafted(d.generator(), usable));
                });
    }

    private <T> Optional<T> call(String what, Supplier<@Nullable T> request) {
        try {
            return Optional.ofNullable(breaker.executeSupplier(request::get));
        } catch (CallNotPermittedException e) {
            log.debug("ai-service {} skipped: circuit breaker open", what);
            return Optional.empty();
        } catch (RestClientException e) {
            log.warn("ai-service {} failed, using the local fallback: {}", what, e.toString());
            return Optional.empty();
        }
    }

    private void forwardToken(HttpHeaders headers) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken jwt) {
            headers.setBearerAuth(jwt.getToken().getTokenValue());
        }
    }
}
