package io.lectern.ai.embedding;

import java.util.List;

/** Turns text into unit-length vectors of one model. */
public interface Embedder {

    /** The model's name as recorded with every vector it made. */
    String model();

    int dimension();

    List<float[]> embedAll(List<String> texts);

    default float[] embed(String text) {
        return embedAll(List.of(text)).getFirst();
    }
}
