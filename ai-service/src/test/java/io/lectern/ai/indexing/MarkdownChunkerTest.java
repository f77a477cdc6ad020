package io.lectern.ai.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownChunkerTest {

    @Test
    void identifiersKeepTheirUnderscoresWhileEmphasisAndLinksBecomePlainText() {
        List<Chunk> chunks = new MarkdownChunker()
                .chunk(
                        "Set `autovacuum_vacuum_scale_factor` to *0.01*, see [the docs](https://x.test) and __bold__ text.");
        assertThat(chunks.getFirst().content())
                .isEqualTo("Set autovacuum_vacuum_scale_factor to 0.01, see the docs and bold text.");
    }

    @Test
    void aHashInsideFencedCodeIsNotAHeadingAndRepeatedHeadingsGetNumberedAnchors() {
        List<Chunk> chunks = new MarkdownChunker()
                .chunk("## Setup\n\n```bash\n# not a heading\necho hi\n```\n\n## Setup\n\nAgain.\n");
        assertThat(chunks).extracting(Chunk::anchor).containsExactly("setup", "setup-1");
        assertThat(chunks.getFirst().content()).contains("# not a heading");
    }

    @Test
    void aLongSectionIsSplitIntoOverlappingChunksUnderTheSameHeading() {
        StringBuilder words = new StringBuilder("## Long\n\n");
        for (int i = 0; i < 250; i++) {
            words.append("w").append(i).append(' ');
        }
        List<Chunk> chunks = new MarkdownChunker(100, 20).chunk(words.toString());
        assertThat(chunks).hasSize(3).allMatch(c -> c.headingPath().equals("Long") && "long".equals(c.anchor()));
        assertThat(chunks.get(1).content()).startsWith("w80 ");
        assertThat(chunks.get(0).content()).endsWith(" w99");
        assertThat(chunks.get(0).hash()).isNotEqualTo(chunks.get(1).hash());
    }
}
