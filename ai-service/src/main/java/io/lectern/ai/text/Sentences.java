package io.lectern.ai.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits passage text into sentences (code lines and fragments without a verb-length body skipped). */
public final class Sentences {

    private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z0-9\"'(])");

    private Sentences() {}

    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder prose = new StringBuilder();
        boolean inFence = false;
        for (String line : text.split("\\R")) {
            String t = line.strip();
            if (t.startsWith("```") || t.startsWith("~~~")) {
                inFence = !inFence;
                continue;
            }
            if (inFence || t.startsWith("|") || t.isEmpty()) {
                flush(prose, out);
                continue;
            }
            prose.append(t).append(' ');
        }
        flush(prose, out);
        return out;
    }

    private static void flush(StringBuilder prose, List<String> out) {
        if (prose.isEmpty()) {
            return;
        }
        for (String s : BOUNDARY.split(prose.toString().strip())) {
            String sentence = s.strip();
            if (sentence.split("\\s+").length >= 4 && sentence.length() <= 600) {
                out.add(sentence);
            }
        }
        prose.setLength(0);
    }
}
