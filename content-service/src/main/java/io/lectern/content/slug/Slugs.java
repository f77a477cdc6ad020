package io.lectern.content.slug;

import io.lectern.platform.web.ProblemException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** URL slugs for posts, series and tags: lower-case ASCII words joined by hyphens. */
public final class Slugs {

    public static final int MAX_LENGTH = 120;
    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Slugs() {}

    public static String fromTitle(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        if (slug.isEmpty()) {
            throw ProblemException.unprocessable("A slug cannot be made from '" + title + "'; give one explicitly.");
        }
        return slug;
    }

    /** The explicit slug if one was given (it must already be valid), else one made from the title. */
    public static String chosen(@Nullable String explicit, String title) {
        if (explicit == null || explicit.isBlank()) {
            return fromTitle(title);
        }
        return validated(explicit);
    }

    public static String validated(String slug) {
        if (slug.length() > MAX_LENGTH || !VALID.matcher(slug).matches()) {
            throw ProblemException.unprocessable(
                            "Slug '" + slug + "' must be lower-case letters, digits and single hyphens, at most "
                                    + MAX_LENGTH + " characters.")
                    .with("field", "slug");
        }
        return slug;
    }
}
