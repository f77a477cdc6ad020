package io.lectern.content.post;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The whole editable state of a post, for create and for update (update replaces every field).
 * {@code version}, when given on update, must match the stored one (lost-update protection).
 * {@code premium} may be left out: a post is free unless it says otherwise.
 */
record PostRequest(
        @NotBlank String title,
        @Nullable String slug,
        @NotNull String markdown,
        @Nullable String excerpt,
        @Nullable Difficulty difficulty,

        @io.swagger.v3.oas.annotations.media.Schema(defaultValue = "false")
        Boolean premium,

        @Nullable List<@NotBlank @Size(max = 60) String> tags,
        @Nullable UUID seriesId,
        @Nullable @PositiveOrZero Integer seriesPosition,
        @Nullable @Size(max = 200) String metaTitle,
        @Nullable @Size(max = 400) String metaDescription,
        @Nullable @Size(max = 2000) String canonicalUrl,
        @Nullable @Size(max = 2000) String socialImageUrl,
        @Nullable Long version) {

    PostRequest {
        premium = Boolean.TRUE.equals(premium);
    }

    List<String> tagNames() {
        return tags == null ? List.of() : tags;
    }

    Difficulty difficultyOrDefault() {
        return difficulty == null ? Difficulty.BEGINNER : difficulty;
    }
}
