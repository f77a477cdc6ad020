package io.lectern.learning.srs;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cloze text in Anki's notation: {@code {{c1::answer}}} or {@code {{c1::answer::hint}}}. Each distinct
 * number becomes one card whose front blanks that deletion (showing the hint if any) and shows the
 * others as plain text; its back is the whole text.
 */
final class Cloze {

    private static final Pattern DELETION = Pattern.compile("\\{\\{c(\\d{1,2})::(.+?)(?:::(.+?))?}}", Pattern.DOTALL);

    record Side(String front, String back) {}

    private Cloze() {}

    static boolean hasDeletions(String text) {
        return DELETION.matcher(text).find();
    }

    /** One front/back pair per deletion number, in number order. */
    static List<Side> cards(String text) {
        TreeMap<Integer, Boolean> numbers = new TreeMap<>();
        Matcher m = DELETION.matcher(text);
        while (m.find()) {
            numbers.put(Integer.parseInt(m.group(1)), true);
        }
        String back = reveal(text);
        List<Side> out = new ArrayList<>();
        for (int n : numbers.keySet()) {
            StringBuilder front = new StringBuilder();
            Matcher d = DELETION.matcher(text);
            while (d.find()) {
                String replacement = Integer.parseInt(d.group(1)) == n
                        ? "[" + (d.group(3) == null ? "..." : d.group(3)) + "]"
                        : d.group(2);
                d.appendReplacement(front, Matcher.quoteReplacement(replacement));
            }
            d.appendTail(front);
            out.add(new Side(front.toString(), back));
        }
        return out;
    }

    static String reveal(String text) {
        return DELETION.matcher(text).replaceAll(r -> Matcher.quoteReplacement(r.group(2)));
    }

    /** A cloze over one key term of a sentence: {@code term} becomes deletion 1. */
    static String around(String sentence, String term) {
        int at = sentence.indexOf(term);
        if (at < 0) {
            return sentence;
        }
        return sentence.substring(0, at) + "{{c1::" + term + "}}" + sentence.substring(at + term.length());
    }
}
