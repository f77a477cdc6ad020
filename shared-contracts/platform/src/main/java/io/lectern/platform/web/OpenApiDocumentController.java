package io.lectern.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the service's OpenAPI document at {@code /v3/api-docs}: the committed
 * {@code web/openapi/<service>.json}, which the service's build packages as
 * {@code META-INF/lectern/openapi/<service>.json}. The document is generated from the code by springdoc
 * in the service's tests only, where {@code ServiceBaselineContract} proves the committed file is exactly
 * what the code generates; at run time no service carries springdoc or swagger (docs/adr/0102). The bytes are read once, at start-up: a jar without its document does not start.
 */
@RestController
public final class OpenApiDocumentController {

    /** Where a service's build puts its document; exactly one must be on the class path. */
    public static final String LOCATION = "classpath*:META-INF/lectern/openapi/*.json";

    private final byte[] document;

    OpenApiDocumentController(byte[] document) {
        this.document = document;
    }

    public static OpenApiDocumentController load(ResourcePatternResolver resolver) {
        try {
            return of(resolver.getResources(LOCATION));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + LOCATION, e);
        }
    }

    static OpenApiDocumentController of(Resource[] found) {
        if (found.length != 1) {
            throw new IllegalStateException("Expected exactly one OpenAPI document at " + LOCATION + ", found "
                    + (found.length == 0 ? "none" : Arrays.toString(found))
                    + ": the service's pom packages web/openapi/<service>.json there (docs/adr/0102)");
        }
        try (InputStream in = found[0].getInputStream()) {
            byte[] bytes = in.readAllBytes();
            if (bytes.length == 0) {
                throw new IllegalStateException("The packaged OpenAPI document " + found[0] + " is empty");
            }
            return new OpenApiDocumentController(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + found[0], e);
        }
    }

    @GetMapping("/v3/api-docs")
    ResponseEntity<byte[]> document() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(document);
    }
}
