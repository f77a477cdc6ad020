package io.lectern.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Without springdoc on the class path (as in every service's jar) the platform serves the document the
 * build packaged, byte for byte and without a token; a jar without exactly one document does not start.
 * Same application and settings as ProblemResponsesTest, so the two share one context.
 */
@SpringBootTest(
        classes = ProblemResponsesTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lectern.service.schema=content", "spring.application.name=problem-test"})
class OpenApiDocumentControllerTest {

    @LocalServerPort
    int port;

    @Test
    void servesThePackagedDocumentAsJsonWithoutAToken() throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        assertThat(response.body())
                .isEqualTo(
                        new ClassPathResource("META-INF/lectern/openapi/platform-test.json").getContentAsByteArray());
    }

    @Test
    void noDocumentIsAStartUpFailureThatSaysWhereItBelongs() {
        assertThatThrownBy(() -> OpenApiDocumentController.of(new Resource[0]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("found none")
                .hasMessageContaining("META-INF/lectern/openapi/")
                .hasMessageContaining("web/openapi/<service>.json");
    }

    @Test
    void twoDocumentsAreAStartUpFailureToo() {
        Resource one = new ByteArrayResource("{}".getBytes(), "one.json");
        Resource two = new ByteArrayResource("{}".getBytes(), "two.json");
        assertThatThrownBy(() -> OpenApiDocumentController.of(new Resource[] {one, two}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("one.json")
                .hasMessageContaining("two.json");
    }

    @Test
    void anEmptyDocumentIsAStartUpFailure() {
        assertThatThrownBy(() -> OpenApiDocumentController.of(new Resource[] {new ByteArrayResource(new byte[0])}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("empty");
    }
}
