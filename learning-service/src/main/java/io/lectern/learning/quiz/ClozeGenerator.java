package io.lectern.learning.quiz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Cloze questions from a post's Markdown without any model: the post's key sentences (those dense in
 * the words the post uses most) with their most characteristic word blanked out. The fallback when
 * ai-service cannot generate questions.
 */
public final class ClozeGenerator {

    /** One generated gap: the sentence with a blank, the word that fills it, and the section it came from. */
    public record Cloze(String prompt, String answer, String sentence, String anchor) {}

    static final String BLANK = "_____";
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}0-9\"“(`])");
    private static final Parser PARSER = Parser.builder().build();

    private ClozeGenerator() {}

    private record Sentence(String text, String anchor, int position) {}

    public static List<Cloze> generate(String markdown, int count) {
        List<Sentence> sentences = sentences(markdown);
        Map<String, Integer> frequency = new HashMap<>();
        for (Sentence s : sentences) {
            for (String w : KeyTerms.words(s.text())) {
                if (candidateWord(w)) {
                    frequency.merge(KeyTerms.stem(w), 1, Integer::sum);
                }
            }
        }
        record Scored(Sentence sentence, double score) {}
        List<Scored> scored = new ArrayList<>();
        for (Sentence s : sentences) {
            List<String> words = KeyTerms.words(s.text());
            if (words.size() < 6 || words.size() > 45) {
                continue;
            }
            double sum = new HashSet<>(words)
                    .stream()
                            .filter(ClozeGenerator::candidateWord)
                            .mapToInt(w -> frequency.getOrDefault(KeyTerms.stem(w), 0))
                            .sum();
            scored.add(new Scored(s, sum / Math.sqrt(words.size())));
        }
        scored.sort(Comparator.comparingDouble(Scored::score)
                .reversed()
                .thenComparingInt(x -> x.sentence().position()));
        record Picked(Sentence sentence, String gap) {}
        List<Picked> picked = new ArrayList<>();
        Set<String> usedAnswers = new HashSet<>();
        for (Scored s : scored) {
            if (picked.size() == count) {
                break;
            }
            String gap = gapWord(s.sentence().text(), frequency, usedAnswers);
            if (gap != null) {
                usedAnswers.add(KeyTerms.stem(KeyTerms.normalize(gap)));
                picked.add(new Picked(s.sentence(), gap));
            }
        }
        picked.sort(Comparator.comparingInt(p -> p.sentence().position()));
        List<Cloze> out = new ArrayList<>();
        for (Picked p : picked) {
            String prompt = p.sentence()
                    .text()
                    .replaceFirst("(?<![\\p{L}\\p{N}])" + Pattern.quote(p.gap()) + "(?![\\p{L}\\p{N}])", BLANK);
            out.add(new Cloze(prompt, p.gap(), p.sentence().text(), p.sentence().anchor()));
        }
        return out;
    }

    private static boolean candidateWord(String normalized) {
        return normalized.length() >= 4
                && !KeyTerms.isStopword(normalized)
                && !normalized.chars().allMatch(Character::isDigit);
    }

    /** The sentence's word (as written) with the highest frequency in the post; not its first word. */
    private static String gapWord(String sentence, Map<String, Integer> frequency, Set<String> exclude) {
        Matcher m = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_+#-]*").matcher(sentence);
        String best = null;
        int bestFreq = 0;
        boolean first = true;
        while (m.find()) {
            String written = m.group();
            String normalized = KeyTerms.normalize(written);
            boolean skip = first;
            first = false;
            if (skip || !candidateWord(normalized) || normalized.contains(" ")) {
                continue;
            }
            String stem = KeyTerms.stem(normalized);
            if (exclude.contains(stem)) {
                continue;
            }
            int f = frequency.getOrDefault(stem, 0);
            if (f > bestFreq || (f == bestFreq && best != null && written.length() > best.length())) {
                best = written;
                bestFreq = f;
            }
        }
        return bestFreq >= 2 ? best : null;
    }

    private static List<Sentence> sentences(String markdown) {
        Node doc = PARSER.parse(markdown);
        List<Sentence> out = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            String anchor = "";

            @Override
            public void visit(Heading heading) {
                anchor = slug(text(heading));
            }

            @Override
            public void visit(FencedCodeBlock block) {}

            @Override
            public void visit(IndentedCodeBlock block) {}

            @Override
            public void visit(Paragraph paragraph) {
                for (String s : SENTENCE_END.split(
                        text(paragraph).replaceAll("\\s+", " ").trim())) {
                    if (!s.isBlank()) {
                        out.add(new Sentence(s.trim(), anchor, out.size()));
                    }
                }
            }
        });
        return out;
    }

    private static String text(Node node) {
        StringBuilder b = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                b.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                b.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak softLineBreak) {
                b.append(' ');
            }

            @Override
            public void visit(HardLineBreak hardLineBreak) {
                b.append(' ');
            }
        });
        return b.toString();
    }

    /** The id commonmark's heading-anchor extension gives a heading (lower case, words joined by '-'). */
    static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}\\s_-]", "")
                .trim()
                .replaceAll("\\s+", "-");
    }
}
