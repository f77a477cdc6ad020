package io.lectern.ai.embedding;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.lectern.ai.config.OutboundHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OpenAI-compatible {@code POST /v1/embeddings} (a hosted API, Ollama, vLLM), asked for 384
 * dimensions so its vectors fit the index; behind a timeout and a circuit breaker.
 */
public final class EndpointEmbedder implements Embedder {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OutboundHttp http;
    private final String baseUrl;
    private final String apiKey;
    private final String modelName;
    private final Duration timeout;
    private final CircuitBreaker breaker;

    public EndpointEmbedder(
            OutboundHttp http, String baseUrl, String apiKey, String model, Duration timeout, CircuitBreaker breaker) {
        this.http = http;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
        this.modelName = model;
        this.timeout = timeout;
        this.breaker = breaker;
    }

    @Override
    public String model() {
        return "endpoint:" + modelName;
    }

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return breaker.executeSupplier(() -> call(texts));
    }

    private List<float[]> call(List<String> texts) {
        try {
            String body = JSON.writeValueAsString(Map.of("model", modelName, "input", texts, "dimensions", 384));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/embeddings"))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (!apiKey.isBlank()) {
                request.header("Authorization", "Bearer " + apiKey);
            }
            HttpResponse<String> response = http.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("embedding endpoint answered " + response.statusCode());
            }
            JsonNode data = JSON.readTree(response.body()).path("data");
            List<float[]> out = new ArrayList<>();
            for (JsonNode item : data) {
                JsonNode values = item.path("embedding");
                float[] v = new float[values.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) values.get(i).asDouble();
                }
                if (v.length != 384) {
                    throw new IllegalStateException("embedding endpoint returned " + v.length + " dimensions");
                }
                out.add(Vectors.normalize(v));
            }
            if (out.size() != texts.size()) {
                throw new IllegalStateException("embedding endpoint returned " + out.size() + " vectors");
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("embedding endpoint failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
