package io.lectern.ai.indexing;

import java.util.List;

/** PostgreSQL array literals for text[] parameters (bound as text and cast in SQL). */
public final class PgArrays {

    private PgArrays() {}

    public static String text(List<String> values) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"')
                    .append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return sb.append('}').toString();
    }
}
