/** ai-service benchmark: embeddings, HNSW recall, hybrid latency, Ask-AI first event, RSS. */
@NullMarked
package io.lectern.bench.ai;

import org.jspecify.annotations.NullMarked;
