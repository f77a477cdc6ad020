package io.lectern.content.post;

/**
 * In-process signal that the set of published posts changed (published, unpublished, deleted, renamed),
 * for derived artefacts such as the sitemap. Not a domain event: it never leaves the service.
 */
public record PostsChanged(String reason) {}
