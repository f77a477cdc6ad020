package io.lectern.learning.srs;

import io.lectern.learning.srs.SrsResponses.GradeLinkResponse;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public end of review from the inbox: a grade link from the cards-due e-mail. No session; the
 * signed token is the authority (see {@link GradeLinks}).
 */
@RestController
@Validated
class GradeLinkController {

    private final InboxReviews inbox;

    GradeLinkController(InboxReviews inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/api/v1/srs/grade-links/{token}")
    GradeLinkResponse grade(@PathVariable @Size(max = 600) String token) {
        return GradeLinkResponse.of(inbox.click(token));
    }
}
