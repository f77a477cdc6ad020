package io.lectern.learning.privacy;

import java.util.UUID;

/**
 * Implemented by every learning feature that stores data about a user (a Spring bean). Contributes one
 * named section to {@code GET /api/v1/progress/export}: {@code section()} is the JSON property name
 * (unique across features, e.g. {@code "bookmarks"}, {@code "srsCards"}), {@code export} returns any
 * value Jackson can write (records, lists, maps), never the raw rows.
 */
public interface UserDataExporter {

    String section();

    Object export(UUID userId);
}
