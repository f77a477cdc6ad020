package io.lectern.ai.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of ai-service ({@code lectern.ai.*}). */
@ConfigurationProperties("lectern.ai")
public record AiProperties(
        @DefaultValue Embedding embedding,
        @DefaultValue Llm llm,
        @DefaultValue Retrieval retrieval) {

    /**
     * How text becomes vectors: {@code onnx} runs the model shipped in the Maven artifact in-process;
     * {@code endpoint} calls an OpenAI-compatible {@code /v1/embeddings}.
     */
    public record Embedding(
            @DefaultValue("onnx") String provider,

            @DefaultValue("${java.io.tmpdir}/lectern-ai-models")
            String modelDir,

            @DefaultValue("16") int batchSize,
            @DefaultValue("5m") Duration queryCacheTtl,
            @DefaultValue Endpoint endpoint) {}

    public record Endpoint(
            @DefaultValue("") String baseUrl,
            @DefaultValue("") String apiKey,
            @DefaultValue("text-embedding-3-small") String model,
            @DefaultValue("5s") Duration timeout) {}

    /** An optional OpenAI-compatible chat endpoint; blank base URL = extractive answers only. */
    public record Llm(
            @DefaultValue("") String baseUrl,
            @DefaultValue("") String apiKey,
            @DefaultValue("gpt-4o-mini") String model,
            @DefaultValue("8s") Duration firstTokenTimeout,
            @DefaultValue("5s") Duration idleTimeout,
            @DefaultValue("45s") Duration totalTimeout) {

        public boolean enabled() {
            return !baseUrl.isBlank();
        }
    }

    public record Retrieval(
            @DefaultValue("100") int efSearch,
            @DefaultValue("40") int candidates,
            @DefaultValue("0.30") double abstainBelow) {}
}
