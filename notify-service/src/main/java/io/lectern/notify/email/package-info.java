/**
 * The durable e-mail queue: every e-mail is a row in {@code email_outbox}, written in the transaction
 * that decided to send it, rendered from templates at send time and delivered over SMTP by the
 * {@link io.lectern.notify.email.EmailSender}.
 */
@NullMarked
package io.lectern.notify.email;

import org.jspecify.annotations.NullMarked;
