package io.lectern.content.series;

import io.lectern.content.access.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Managing series: their creator or staff. */
@RestController
@RequestMapping("/api/v1/admin/series")
class AdminSeriesController {

    private final SeriesService series;

    AdminSeriesController(SeriesService series) {
        this.series = series;
    }

    @PostMapping
    ResponseEntity<SeriesResponse> create(@Valid @RequestBody SeriesRequest request) {
        SeriesResponse created = series.create(request, Caller.required());
        return ResponseEntity.created(URI.create("/api/v1/series/" + created.slug()))
                .body(created);
    }

    @PutMapping("/{id}")
    SeriesResponse update(@PathVariable UUID id, @Valid @RequestBody SeriesRequest request) {
        return series.update(id, request, Caller.required());
    }

    @PutMapping("/{id}/posts")
    SeriesResponse reorder(@PathVariable UUID id, @Valid @RequestBody OrderRequest request) {
        return series.reorder(id, request.postIds(), Caller.required());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        series.delete(id, Caller.required());
        return ResponseEntity.noContent().build();
    }

    record OrderRequest(@NotNull List<@NotNull UUID> postIds) {}
}
