package io.lectern.ai.tutor;

import org.jspecify.annotations.Nullable;

/** A flash-card draft: front, back and the heading anchor it came from. */
public record CardDraft(String front, String back, @Nullable String anchor) {}
