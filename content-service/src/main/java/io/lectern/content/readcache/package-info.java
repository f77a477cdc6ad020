/**
 * The public read path's answer cache: anonymous, publicly cacheable answers of the post, series and
 * tag endpoints kept as ready bytes, evicted by every committed change (a NOTIFY from a statement
 * trigger, so writes by event handlers, scheduled jobs and other instances count too).
 */
@NullMarked
package io.lectern.content.readcache;

import org.jspecify.annotations.NullMarked;
