package io.lectern.content.series;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

record SeriesRequest(
        @NotBlank @Size(max = 200) String title,
        @Nullable String slug,
        @Nullable @Size(max = 2000) String description) {

    String descriptionOrEmpty() {
        return description == null ? "" : description.strip();
    }
}
