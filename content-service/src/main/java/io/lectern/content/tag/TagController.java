package io.lectern.content.tag;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tags")
class TagController {

    private final TagService tags;

    TagController(TagService tags) {
        this.tags = tags;
    }

    @GetMapping
    List<TagService.TagResponse> list() {
        return tags.list();
    }

    @GetMapping("/{slug}")
    TagService.TagResponse get(@PathVariable String slug) {
        return tags.get(slug);
    }
}
