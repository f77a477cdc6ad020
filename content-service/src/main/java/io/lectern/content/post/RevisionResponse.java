package io.lectern.content.post;

import java.time.Instant;
import java.util.UUID;

record RevisionResponse(int revision, String title, UUID createdBy, Instant createdAt, int markdownChars) {}
