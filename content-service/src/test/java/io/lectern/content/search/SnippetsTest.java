package io.lectern.content.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.testsupport.TestInfrastructure;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Snippets cut in the service (ADR 0037), checked against what PostgreSQL's english configuration does. */
class SnippetsTest {

    private static final List<String> BASES = List.of(
            "configure",
            "deploy",
            "migrate",
            "optimize",
            "debug",
            "refactor",
            "benchmark",
            "schedule",
            "replicate",
            "partition",
            "index",
            "cache",
            "compile",
            "monitor",
            "scale",
            "profile",
            "upgrade",
            "test",
            "cluster",
            "query",
            "stream",
            "transact",
            "generate",
            "relate",
            "condition",
            "nation",
            "hope",
            "happy",
            "cry",
            "die",
            "lie",
            "tie",
            "sky",
            "run",
            "stop",
            "agree",
            "feed",
            "plan",
            "create",
            "operate",
            "organize",
            "realize",
            "analyze",
            "general",
            "connect",
            "depend",
            "consist",
            "efficient",
            "multiply",
            "apply",
            "rely",
            "study",
            "carry",
            "classify",
            "simple",
            "easy",
            "early",
            "only",
            "gentle",
            "ugly",
            "news",
            "atlas",
            "cosmos",
            "bias",
            "idly",
            "proceed",
            "exceed",
            "succeed",
            "herring",
            "inning",
            "canning",
            "kubernetes",
            "kafka",
            "serialize",
            "latency",
            "throughput",
            "consumer",
            "produce",
            "shard",
            "vector",
            "tensor",
            "react",
            "token",
            "request",
            "gateway",
            "sidecar",
            "observe",
            "trace",
            "fail",
            "retry",
            "bootstrap",
            "electric",
            "sensitive",
            "decisive",
            "formal",
            "hopeful",
            "logic",
            "yield",
            "young",
            "yoke",
            "agile",
            "noble",
            "trouble",
            "fizz",
            "hop",
            "fil",
            "tap",
            "controll");
    private static final List<String> SUFFIXES = List.of(
            "", "s", "es", "ed", "ing", "er", "ers", "ly", "ness", "ment", "ments", "ation", "ations", "ational", "ize",
            "izing", "ized", "ization", "able", "ible", "ity", "ities", "ful", "fully", "ous", "ousness", "ive",
            "iveness", "al", "ally", "ence", "ance", "ent", "ism", "ist", "iest", "ied", "ies", "ying", "eed", "eedly",
            "ingly", "edly", "li", "bli", "logi", "alism", "aliti");

    private static Connection postgres() throws Exception {
        return TestInfrastructure.get().admin(TestInfrastructure.get().database());
    }

    /**
     * Every word PostgreSQL stems (not a stop word) stems to the same lexeme here, and the shortcut that
     * skips stemming (a word keeps its first letter and never gets longer) holds for all of them.
     */
    @Test
    void wordsStemToWhatPostgresEnglishStemmerGives() throws Exception {
        Set<String> vocabulary = new LinkedHashSet<>();
        for (String base : BASES) {
            for (String suffix : SUFFIXES) {
                vocabulary.add(base + suffix);
            }
        }
        Map<String, String> postgres = new LinkedHashMap<>();
        try (Connection c = postgres();
                PreparedStatement s =
                        c.prepareStatement("select w, (ts_lexize('english_stem', w))[1] from unnest(?::text[]) w")) {
            Array words = c.createArrayOf("text", vocabulary.toArray());
            s.setArray(1, words);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(2) != null) {
                        postgres.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        assertThat(postgres).hasSizeGreaterThan(5_000);
        List<String> differ = new ArrayList<>();
        postgres.forEach((word, lexeme) -> {
            String here = new Snippets.Query(Set.of(lexeme)).lexemeOf(word, 0, word.length());
            if (!lexeme.equals(here)) {
                differ.add(word + " -> postgres " + lexeme + ", here " + here);
            }
        });
        assertThat(differ).isEmpty();
    }

    @Test
    void theLexemesToMarkAreThePositiveOnesOfTheParsedQuery() throws Exception {
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        expected.put("kafka -\"event driven\" or configures", Set.of("kafka", "configur"));
        expected.put("\"zero downtime\" migrations", Set.of("zero", "downtim", "migrat"));
        expected.put("o'reilly's books -draft", Set.of("o", "reilli", "book"));
        expected.put("the and of", Set.of());
        try (Connection c = postgres();
                PreparedStatement s = c.prepareStatement("select websearch_to_tsquery('english', ?)::text")) {
            for (var e : expected.entrySet()) {
                s.setString(1, e.getKey());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    assertThat(Snippets.positiveLexemes(rs.getString(1)))
                            .as(e.getKey() + " parsed as " + rs.getString(1))
                            .containsExactlyInAnyOrderElementsOf(e.getValue());
                }
            }
        }
        assertThat(Snippets.positiveLexemes("!( 'a' & 'b' ) & 'c' | !'d' & ( 'e' <-> 'f' )"))
                .containsExactly("c", "e", "f");
        assertThat(Snippets.positiveLexemes("'it''s' & 'back\\\\slash'")).containsExactly("it's", "back\\slash");
    }

    @Test
    void passagesAroundTheMatchesMarkEveryFormOfTheWordAndEscapeTheRest() {
        StringBuilder text = new StringBuilder("Intro <b>bold</b> & friends.");
        for (int i = 0; i < 60; i++) {
            text.append(" filler").append(i);
        }
        text.append(" We were Migrating the schema; two migrations ran.");
        for (int i = 60; i < 120; i++) {
            text.append(" filler").append(i);
        }
        text.append(" One more migration at the end.");
        Snippets.Query query = new Snippets.Query(Set.of("migrat"));

        String snippet = Snippets.snippet(text.toString(), query);

        assertThat(marked(snippet)).containsExactly("Migrating", "migrations", "migration");
        String[] passages = snippet.split(Pattern.quote(Snippets.DELIMITER));
        assertThat(passages).hasSize(2);
        // in the text's order: the passage with two forms first, then the one at the end
        assertThat(passages[0]).contains("<mark>Migrating</mark>").contains("<mark>migrations</mark>");
        assertThat(passages[1]).endsWith("<mark>migration</mark> at the end");
        for (String p : passages) {
            String words = p.replaceAll("</?mark>", "").strip();
            assertThat(words.split("[^\\p{L}\\p{N}]+")).hasSize(Snippets.MAX_WORDS);
        }
    }

    @Test
    void withoutAMatchTheFirstWordsAreShownEscaped() {
        String snippet = Snippets.snippet(
                "<script>alert(1)</script> one two three four five six seven eight nine ten",
                new Snippets.Query(Set.of("kafka")));

        assertThat(snippet).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; one two three four five six");
        assertThat(Snippets.snippet("  ", new Snippets.Query(Set.of("kafka")))).isEmpty();
        // only what HTML needs is escaped: the web decodes these, and accents or dashes stay as written
        assertThat(Snippets.snippet("Café — don't \"quote\" a&b", new Snippets.Query(Set.of("cafe"))))
                .isEqualTo("Café — don&#39;t &quot;quote&quot; a&amp;b");
    }

    @Test
    void thePassageCoveringMoreOfTheQueryWins() {
        String text =
                "kafka alone here. " + "word ".repeat(50) + "then kafka consumers read together. " + "word ".repeat(50);
        String snippet = Snippets.snippet(text, new Snippets.Query(Set.of("kafka", "consum")));

        String[] passages = snippet.split(Pattern.quote(Snippets.DELIMITER));
        assertThat(passages[passages.length - 1]).contains("<mark>kafka</mark> <mark>consumers</mark>");
    }

    private static List<String> marked(String snippet) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<mark>(.*?)</mark>").matcher(snippet);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
