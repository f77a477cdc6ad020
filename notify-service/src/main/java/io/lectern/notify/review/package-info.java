/**
 * Review from the inbox: the cards-due events of learning-service, delivered in the reader's daily
 * digest or, when the digest is off or already sent that day, in a short review e-mail.
 */
@NullMarked
package io.lectern.notify.review;

import org.jspecify.annotations.NullMarked;
