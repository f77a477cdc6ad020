package io.lectern.notify.email;

/** What a template produced: a subject and the two parts of a multipart/alternative body. */
public record RenderedEmail(String subject, String text, String html) {}
