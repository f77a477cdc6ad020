package io.lectern.content.upload;

import java.util.Set;

/** What we accept, decided from the bytes; the file name's extension must agree with it. */
enum UploadKind {
    PNG("image/png", "png", Set.of("png")),
    JPEG("image/jpeg", "jpg", Set.of("jpg", "jpeg")),
    GIF("image/gif", "gif", Set.of("gif")),
    WEBP("image/webp", "png", Set.of("webp")),
    PDF("application/pdf", "pdf", Set.of("pdf")),
    CSV("text/csv", "csv", Set.of("csv")),
    JSON("application/json", "json", Set.of("json"));

    final String contentType;
    final String storedExtension;
    final Set<String> extensions;

    UploadKind(String contentType, String storedExtension, Set<String> extensions) {
        this.contentType = contentType;
        this.storedExtension = storedExtension;
        this.extensions = extensions;
    }

    boolean image() {
        return this == PNG || this == JPEG || this == GIF || this == WEBP;
    }
}
