package io.lectern.content.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Search snippets cut in the service (ADR 0037): up to two passages of at most 30 words around the
 * words that match the query, each match marked with {@code <mark>}, everything else HTML-escaped;
 * when nothing in the source matches, its first 10 words. PostgreSQL's {@code ts_headline} did the
 * same with the same limits, but it parses and stems every word of every source, which was over a third
 * of a search's database time. Here only the words that could stem to a query lexeme are stemmed, with
 * the same Snowball English stemmer that PostgreSQL's {@code english} configuration uses.
 *
 * <p>A snippet never decides what matches: the statement does that on the indexed vectors. A word
 * this class marks is one whose stem is a positive lexeme of the query as PostgreSQL parsed it.
 */
final class Snippets {

    static final int MAX_WORDS = 30;
    static final int MIN_WORDS = 10;
    static final int MAX_FRAGMENTS = 2;
    static final String DELIMITER = " ... ";

    /** How many words a passage shows before the first match it is built around. */
    private static final int LEAD_WORDS = 4;

    /** The lexemes of one query, with the stems of the words already tested against them. */
    static final class Query {
        private final Set<String> lexemes;
        private final String firstChars;
        private final int shortest;
        private final EnglishStemmer stemmer = new EnglishStemmer();
        private final Map<String, String> stems = new HashMap<>();

        Query(Set<String> lexemes) {
            this.lexemes = Set.copyOf(lexemes);
            StringBuilder firsts = new StringBuilder();
            int min = Integer.MAX_VALUE; // no lexeme: no word is long enough
            for (String l : this.lexemes) {
                firsts.append(l.charAt(0));
                min = Math.min(min, l.length());
            }
            this.firstChars = firsts.toString();
            this.shortest = min;
        }

        /**
         * The lexeme the word {@code source[start, end)} stems to when it is one of the query's, else
         * null. Snowball's English stemmer only changes a word's end and never lengthens it, so a word
         * that starts with another letter or is shorter than every lexeme cannot match and is never
         * stemmed (most words of a text are dismissed here without being copied).
         */
        @Nullable
        String lexemeOf(String source, int start, int end) {
            if (end - start < shortest || firstChars.indexOf(Character.toLowerCase(source.charAt(start))) < 0) {
                return null;
            }
            String stem = stems.computeIfAbsent(source.substring(start, end).toLowerCase(Locale.ROOT), w -> {
                String s = stem(w);
                return lexemes.contains(s) ? s : "";
            });
            return stem.isEmpty() ? null : stem;
        }

        private String stem(String lower) {
            stemmer.setCurrent(lower);
            stemmer.stem();
            return stemmer.getCurrent();
        }
    }

    private Snippets() {}

    /**
     * The lexemes a snippet marks, from a tsquery's text form as PostgreSQL prints it (for example
     * {@code 'kafka' & !( 'event' <-> 'driven' ) | 'configur'} gives {@code kafka} and {@code configur}):
     * every quoted lexeme except those under a negation.
     */
    static Set<String> positiveLexemes(String tsquery) {
        Set<String> out = new LinkedHashSet<>();
        // depth of parentheses at which each open negation started; a negation without parentheses
        // covers only the next lexeme
        List<Integer> negatedGroups = new ArrayList<>();
        boolean negateNext = false;
        int depth = 0;
        for (int i = 0; i < tsquery.length(); i++) {
            char c = tsquery.charAt(i);
            if (c == '!') {
                negateNext = true;
            } else if (c == '(') {
                depth++;
                if (negateNext) {
                    negatedGroups.add(depth);
                    negateNext = false;
                }
            } else if (c == ')') {
                negatedGroups.remove(Integer.valueOf(depth));
                depth--;
            } else if (c == '\'') {
                StringBuilder lexeme = new StringBuilder();
                int j = i + 1;
                for (; j < tsquery.length(); j++) {
                    char d = tsquery.charAt(j);
                    if (d == '\'') {
                        if (j + 1 < tsquery.length() && tsquery.charAt(j + 1) == '\'') {
                            lexeme.append('\'');
                            j++;
                            continue;
                        }
                        break;
                    }
                    if (d == '\\' && j + 1 < tsquery.length()) {
                        d = tsquery.charAt(++j);
                    }
                    lexeme.append(d);
                }
                i = j;
                if (!negateNext && negatedGroups.isEmpty() && !lexeme.isEmpty()) {
                    out.add(lexeme.toString());
                }
                negateNext = false;
                // a weight or prefix marker (':*', ':AB') after the lexeme is skipped as plain text
            }
        }
        return out;
    }

    /** The snippet of one source text (Markdown or an excerpt), as HTML with only {@code <mark>} in it. */
    static String snippet(String source, Query query) {
        Words words = Words.of(source);
        int n = words.count;
        if (n == 0) {
            return "";
        }
        boolean[] matched = new boolean[n];
        List<Integer> hits = new ArrayList<>();
        @Nullable String[] lexemeOf = new String[n];
        for (int w = 0; w < n; w++) {
            lexemeOf[w] = query.lexemeOf(source, words.start[w], words.end[w]);
            if (lexemeOf[w] != null) {
                matched[w] = true;
                hits.add(w);
            }
        }
        if (hits.isEmpty()) {
            return render(source, words, matched, List.of(new int[] {0, Math.min(n, MIN_WORDS)}));
        }
        // Candidate passages: MAX_WORDS words starting a few words before each match. The best passage
        // covers the most different matching words, then the most matches, then comes first; the second
        // is the best one that does not overlap it.
        List<int[]> chosen = new ArrayList<>();
        for (int round = 0; round < MAX_FRAGMENTS; round++) {
            int[] best = null;
            int bestDistinct = 0;
            int bestCount = 0;
            for (int hit : hits) {
                int start = Math.max(0, Math.min(hit - LEAD_WORDS, n - MAX_WORDS));
                int end = Math.min(n, start + MAX_WORDS);
                if (overlaps(chosen, start, end)) {
                    continue;
                }
                Set<String> distinct = new HashSet<>();
                int count = 0;
                for (int w = start; w < end; w++) {
                    if (matched[w]) {
                        distinct.add(lexemeOf[w]);
                        count++;
                    }
                }
                if (distinct.size() > bestDistinct || (distinct.size() == bestDistinct && count > bestCount)) {
                    best = new int[] {start, end};
                    bestDistinct = distinct.size();
                    bestCount = count;
                }
            }
            if (best == null) {
                break;
            }
            chosen.add(best);
        }
        chosen.sort((a, b) -> Integer.compare(a[0], b[0]));
        return render(source, words, matched, chosen);
    }

    private static boolean overlaps(List<int[]> chosen, int start, int end) {
        for (int[] c : chosen) {
            if (start < c[1] && c[0] < end) {
                return true;
            }
        }
        return false;
    }

    /**
     * Words as PostgreSQL's default parser sees them for English text: runs of letters and digits
     * (a hyphenated or dotted word is also indexed by its parts, which is what is marked here).
     */
    private static final class Words {
        int[] start = new int[64];
        int[] end = new int[64];
        int count;

        static Words of(String source) {
            Words out = new Words();
            char[] s = source.toCharArray();
            int i = 0;
            int len = s.length;
            while (i < len) {
                while (i < len && !isWordChar(s[i])) {
                    i++;
                }
                int from = i;
                while (i < len && isWordChar(s[i])) {
                    i++;
                }
                if (i > from) {
                    out.add(from, i);
                }
            }
            return out;
        }

        private void add(int from, int to) {
            if (count == start.length) {
                start = Arrays.copyOf(start, count * 2);
                end = Arrays.copyOf(end, count * 2);
            }
            start[count] = from;
            end[count] = to;
            count++;
        }

        private static boolean isWordChar(char c) {
            if (c < 128) {
                return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            }
            return Character.isLetterOrDigit(c);
        }
    }

    private static String render(String source, Words words, boolean[] matched, List<int[]> passages) {
        StringBuilder out = new StringBuilder(passages.size() * 256);
        for (int[] p : passages) {
            if (!out.isEmpty()) {
                out.append(DELIMITER);
            }
            // a passage starts at its first word, except at the very start of the text, whose leading
            // punctuation (an opening quote, a tag) belongs to the first word
            int at = words.start[p[0]];
            if (p[0] == 0) {
                at = 0;
                while (at < source.length() && Character.isWhitespace(source.charAt(at))) {
                    at++;
                }
            }
            for (int w = p[0]; w < p[1]; w++) {
                escape(source, at, words.start[w], out);
                if (matched[w]) {
                    out.append("<mark>");
                    escape(source, words.start[w], words.end[w], out);
                    out.append("</mark>");
                } else {
                    escape(source, words.start[w], words.end[w], out);
                }
                at = words.end[w];
            }
        }
        return out.toString();
    }

    /** Only what HTML needs escaped ({@code <>&"'}); other characters stay as they are (UTF-8). */
    private static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
