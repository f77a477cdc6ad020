package io.lectern.ai.reader;

import io.lectern.ai.access.Reader;
import io.lectern.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RecommendationController {

    private final Recommendations recommendations;

    RecommendationController(Recommendations recommendations) {
        this.recommendations = recommendations;
    }

    @Operation(
            summary = "Posts to read next: similar to your reading (signed in) or to the current post (anonymous),"
                    + " falling back to popular, then recent posts")
    @GetMapping("/api/v1/recommendations")
    List<Recommendations.Recommendation> recommendations(
            @RequestParam(required = false) @Nullable UUID postId, @RequestParam(defaultValue = "5") int limit) {
        if (limit < 1 || limit > 20) {
            throw ProblemException.badRequest("limit must be between 1 and 20.").with("field", "limit");
        }
        return recommendations.forReader(Reader.current(), postId, limit);
    }
}
