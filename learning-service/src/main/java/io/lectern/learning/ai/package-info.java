/** The one client of ai-service's internal endpoints (questions, grading, card drafts). */
@NullMarked
package io.lectern.learning.ai;

import org.jspecify.annotations.NullMarked;
