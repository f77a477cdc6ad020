package io.lectern.content.tag;

import io.lectern.content.readcache.CachePolicy;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tags")
class TagController {

    private final TagService tags;
    private final CachePolicy cache;

    TagController(TagService tags, CachePolicy cache) {
        this.tags = tags;
        this.cache = cache;
    }

    @GetMapping
    ResponseEntity<List<TagService.TagResponse>> list() {
        return cache.publicAnswer(tags.list());
    }

    @GetMapping("/{slug}")
    ResponseEntity<TagService.TagResponse> get(@PathVariable String slug) {
        return cache.publicAnswer(tags.get(slug));
    }
}
