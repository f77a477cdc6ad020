package io.lectern.ai.config;

import java.net.http.HttpClient;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The JDK HTTP client for the language model and an embedding endpoint, built on first use. Building one
 * sets up the default TLS context (about 480 classes and the CA store in the heap), which ai-service
 * answering extractively with its own embedding model never needs.
 */
public final class OutboundHttp {

    private volatile @Nullable HttpClient client;

    public HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(2))
                            .version(HttpClient.Version.HTTP_1_1)
                            .build();
                    client = c;
                }
            }
        }
        return c;
    }

    /** Whether anything has needed the client yet. */
    public boolean built() {
        return client != null;
    }
}
