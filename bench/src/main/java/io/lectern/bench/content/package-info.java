/** The content search benchmark: 10,000 generated posts, search latency at several client counts (bench/content-search.sh). */
@NullMarked
package io.lectern.bench.content;

import org.jspecify.annotations.NullMarked;
