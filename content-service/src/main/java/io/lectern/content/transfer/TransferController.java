package io.lectern.content.transfer;

import io.lectern.content.access.Caller;
import io.lectern.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Moving in and out, for admins. Uploads are the raw request body ({@code Content-Type:
 * application/zip}, or {@code application/json} for a bare Ghost export), not multipart: an archive is
 * read as a stream with its own limits instead of being buffered by the multipart resolver.
 */
@RestController
@RequestMapping("/api/v1/admin")
class TransferController {

    private final Importer importer;
    private final Exporter exporter;
    private final TransferProperties limits;

    TransferController(Importer importer, Exporter exporter, TransferProperties limits) {
        this.importer = importer;
        this.exporter = exporter;
        this.limits = limits;
    }

    @PostMapping(
            value = "/import/markdown",
            consumes = {"application/zip", "application/x-zip-compressed"})
    Importer.ImportResult importMarkdown(
            HttpServletRequest request, @RequestParam(defaultValue = "fail") String onConflict) throws IOException {
        Caller caller = Caller.required();
        Importer.requireAdmin(caller);
        return importer.markdown(request.getInputStream(), mode(onConflict), caller);
    }

    @PostMapping(
            value = "/import/ghost",
            consumes = {"application/json", "application/zip", "application/x-zip-compressed"})
    Importer.ImportResult importGhost(
            HttpServletRequest request, @RequestParam(defaultValue = "fail") String onConflict) throws IOException {
        Caller caller = Caller.required();
        Importer.requireAdmin(caller);
        List<Archive.File> files;
        if (request.getContentType().toLowerCase(Locale.ROOT).startsWith("application/json")) {
            InputStream body = new Archive.BoundedInput(request.getInputStream(), limits.maxEntryBytes() * 8);
            files = List.of(new Archive.File("ghost.json", new String(body.readAllBytes(), StandardCharsets.UTF_8)));
        } else {
            files = Archive.read(request.getInputStream(), limits);
        }
        return importer.ghost(files, mode(onConflict), caller);
    }

    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export() {
        Importer.requireAdmin(Caller.required());
        String name = Exporter.fileName(OffsetDateTime.now(ZoneOffset.UTC));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(exporter::export);
    }

    private static Importer.OnConflict mode(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "fail" -> Importer.OnConflict.FAIL;
            case "skip" -> Importer.OnConflict.SKIP;
            default ->
                throw ProblemException.badRequest("onConflict must be fail or skip.")
                        .with("field", "onConflict");
        };
    }
}
