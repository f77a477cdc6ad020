package io.lectern.content.post;

public enum PostStatus {
    DRAFT,
    SCHEDULED,
    PUBLISHED
}
