package io.lectern.ai.retrieval;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One result: the post and the passage in it that matched, with a link target. */
public record SearchHit(
        UUID postId,
        String slug,
        String title,
        String headingPath,
        @Nullable String anchor,
        String url,
        String snippet,
        boolean premium,
        double score) {

    public static SearchHit of(Passage p) {
        return new SearchHit(
                p.postId(),
                p.slug(),
                p.title(),
                p.headingPath(),
                p.anchor(),
                "/posts/" + p.slug() + (p.anchor() == null ? "" : "#" + p.anchor()),
                snippet(p.content(), 240),
                p.premium(),
                p.score());
    }

    public static String snippet(String content, int max) {
        String flat = content.replaceAll("\\s+", " ").strip();
        if (flat.length() <= max) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', max);
        return flat.substring(0, cut > max / 2 ? cut : max) + "…";
    }
}
