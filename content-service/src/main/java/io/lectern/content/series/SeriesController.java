package io.lectern.content.series;

import io.lectern.content.readcache.CachePolicy;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/series")
class SeriesController {

    private final SeriesService series;
    private final CachePolicy cache;

    SeriesController(SeriesService series, CachePolicy cache) {
        this.series = series;
        this.cache = cache;
    }

    @GetMapping
    ResponseEntity<List<SeriesResponse.Summary>> list() {
        return cache.publicAnswer(series.list());
    }

    @GetMapping("/{slug}")
    ResponseEntity<SeriesResponse> get(@PathVariable String slug) {
        return cache.publicAnswer(series.page(slug));
    }
}
