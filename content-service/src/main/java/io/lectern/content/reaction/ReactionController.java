package io.lectern.content.reaction;

import io.lectern.content.access.Caller;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** PUT adds a reaction (idempotent), DELETE takes it back; both answer the new counts. */
@RestController
@RequestMapping("/api/v1/posts/{slug}/reactions")
class ReactionController {

    private final ReactionService reactions;

    ReactionController(ReactionService reactions) {
        this.reactions = reactions;
    }

    @GetMapping
    ReactionService.Counts counts(@PathVariable String slug) {
        return reactions.counts(slug, Caller.current());
    }

    @PutMapping("/{type}")
    ReactionService.Counts react(@PathVariable String slug, @PathVariable String type) {
        return reactions.react(slug, type, Caller.required());
    }

    @DeleteMapping("/{type}")
    ReactionService.Counts unreact(@PathVariable String slug, @PathVariable String type) {
        return reactions.unreact(slug, type, Caller.required());
    }
}
