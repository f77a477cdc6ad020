package io.lectern.learning.learner;

import java.time.ZoneId;
import java.util.UUID;

/** What learning knows of a user: the name boards show and the zone their study days are counted in. */
public record Learner(UUID userId, String displayName, ZoneId timeZone, boolean deleted) {}
