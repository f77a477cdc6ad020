package io.lectern.content.series;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/series")
class SeriesController {

    private final SeriesService series;

    SeriesController(SeriesService series) {
        this.series = series;
    }

    @GetMapping
    List<SeriesResponse.Summary> list() {
        return series.list();
    }

    @GetMapping("/{slug}")
    SeriesResponse get(@PathVariable String slug) {
        return series.page(slug);
    }
}
