package io.lectern.learning.bookmark;

import java.util.Map;
import java.util.UUID;

/** For each asked post id: bookmarked or not. */
record BookmarkStatusResponse(Map<UUID, Boolean> bookmarked) {}
