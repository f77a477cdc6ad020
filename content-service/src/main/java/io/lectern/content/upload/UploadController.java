package io.lectern.content.upload;

import io.lectern.content.access.Caller;
import io.lectern.platform.web.ProblemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class UploadController {

    private final UploadService uploads;

    UploadController(UploadService uploads) {
        this.uploads = uploads;
    }

    @PostMapping(path = "/api/v1/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<UploadService.UploadResponse> upload(@RequestParam("file") MultipartFile file) {
        try {
            UploadService.UploadResponse stored =
                    uploads.store(Caller.required(), file.getOriginalFilename(), file.getBytes());
            return ResponseEntity.status(HttpStatus.CREATED).body(stored);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/api/v1/uploads")
    List<UploadService.UploadResponse> mine() {
        return uploads.mine(Caller.required());
    }

    @DeleteMapping("/api/v1/uploads/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        uploads.delete(id, Caller.required());
        return ResponseEntity.noContent().build();
    }

    /**
     * Serves a stored file with headers that keep a browser from treating it as anything but what we
     * decided it is: no sniffing, a sandboxing CSP, and a download (not a page) for non-images.
     */
    @GetMapping("/uploads/{name}")
    ResponseEntity<Resource> serve(@PathVariable String name) {
        UploadService.StoredFile file =
                uploads.file(name).orElseThrow(() -> ProblemException.notFound("File '" + name + "'"));
        try {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(file.contentType()))
                    .contentLength(Files.size(file.path()))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                    .header(
                            "Content-Disposition",
                            (file.image() ? ContentDisposition.inline() : ContentDisposition.attachment())
                                    .filename(name)
                                    .build()
                                    .toString())
                    .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(365))
                            .cachePublic()
                            .immutable())
                    .body(new FileSystemResource(file.path()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
