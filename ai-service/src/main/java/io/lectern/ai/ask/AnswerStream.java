package io.lectern.ai.ask;

import java.util.List;

/** Where an answer goes while it is produced (the SSE stream, or a collector in tests). */
interface AnswerStream {

    void sources(SourcesEvent sources);

    void piece(String text);

    void done(DoneEvent done);

    record SourcesEvent(String question, List<Citation> citations) {}

    record DoneEvent(
            String answerId,
            String threadId,
            String mode,
            boolean uncertain,
            String label,
            List<String> suggestions,
            String fallbackReason) {}
}
