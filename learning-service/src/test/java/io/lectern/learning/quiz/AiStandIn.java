package io.lectern.learning.quiz;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.net.ServerSocket;

/**
 * ai-service played by WireMock: only its two internal endpoints learning calls, as the contract
 * describes them (anything else is a 404, as from the real service). {@link #stop()} switches it off
 * (connection refused), {@link #start()} brings it back on the same port.
 */
public final class AiStandIn {

    private static AiStandIn instance;

    /** The generated cloze question's answer: must never appear in a response before submission. */
    public static final String AI_CLOZE_ANSWER = "autovacuum";

    private final int port;
    private WireMockServer server;

    private AiStandIn(int port) {
        this.port = port;
    }

    public static synchronized AiStandIn get() {
        if (instance == null) {
            instance = new AiStandIn(freePort());
            instance.start();
        }
        return instance;
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized void start() {
        if (server != null && server.isRunning()) {
            return;
        }
        server = new WireMockServer(WireMockConfiguration.options().port(port).bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(urlEqualTo("/internal/v1/quiz-questions"))
                .withHeader("Authorization", containing("Bearer "))
                .willReturn(json("""
                        {"generator":"llm","questions":[
                          {"type":"MULTIPLE_CHOICE","prompt":"Which process removes dead row versions?",
                           "options":["checkpointer","vacuum","wal writer"],"correct":[1],"clozeAnswer":null,
                           "explanation":"Vacuum reclaims dead tuples.","anchor":"why-vacuum-matters"},
                          {"type":"CLOZE","prompt":"_____ runs vacuum in the background.","options":[],"correct":[],
                           "clozeAnswer":"%s","explanation":"The autovacuum launcher starts workers.","anchor":null},
                          {"type":"MULTIPLE_CHOICE","prompt":"broken: right option out of range","options":["a","b"],
                           "correct":[7],"clozeAnswer":null,"explanation":"","anchor":null}
                        ]}""".formatted(AI_CLOZE_ANSWER))));
        // the "model" grades an answer that mentions MVCC well, anything else poorly
        server.stubFor(post(urlEqualTo("/internal/v1/grade"))
                .withRequestBody(matchingJsonPath("$.answer", containing("MVCC")))
                .willReturn(json("""
                        {"score":0.9,"similarity":0.82,"coveredTerms":["mvcc","reader","writer"],"missingTerms":[],
                         "feedback":"Good: you named MVCC.","method":"llm"}""")));
        server.stubFor(post(urlEqualTo("/internal/v1/grade"))
                .withRequestBody(matchingJsonPath(
                        "$.answer", com.github.tomakehurst.wiremock.client.WireMock.notContaining("MVCC")))
                .willReturn(json("""
                        {"score":0.2,"similarity":0.31,"coveredTerms":[],"missingTerms":["mvcc"],
                         "feedback":"The key idea is missing.","method":"llm"}""")));
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public int gradeCalls() {
        return server.findAll(postRequestedFor(urlEqualTo("/internal/v1/grade")))
                .size();
    }

    public int questionCalls(String postId) {
        return server.findAll(postRequestedFor(urlEqualTo("/internal/v1/quiz-questions"))
                        .withRequestBody(matchingJsonPath("$.postId", equalTo(postId))))
                .size();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }
}
