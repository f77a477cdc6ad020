package io.lectern.content.tag;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

record TagRequest(
        @NotBlank @Size(max = 60) String name,
        @Nullable String slug,
        @Nullable @Size(max = 1000) String description) {

    String descriptionOrEmpty() {
        return description == null ? "" : description.strip();
    }
}
