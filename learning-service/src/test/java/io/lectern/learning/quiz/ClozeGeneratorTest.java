package io.lectern.learning.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClozeGeneratorTest {

    static final String POST = """
            # Vacuum in PostgreSQL

            PostgreSQL never overwrites a row in place. An update writes a new row version and marks the old
            version as dead. Dead row versions stay in the table until vacuum removes them.

            ## Why vacuum matters

            Without vacuum, tables grow with dead versions and queries slow down. Autovacuum runs vacuum in the
            background when enough rows changed. Vacuum also freezes old transaction ids.

            ```sql
            VACUUM (VERBOSE) orders;
            ```

            Short one. See [the docs](https://postgresql.org) for the details of how vacuum decides.
            """;

    @Test
    void blanksTheMostCharacteristicWordOfTheKeySentencesAndKeepsTheirSection() {
        List<ClozeGenerator.Cloze> clozes = ClozeGenerator.generate(POST, 3);

        assertThat(clozes).hasSize(3);
        for (ClozeGenerator.Cloze c : clozes) {
            assertThat(c.prompt()).contains(ClozeGenerator.BLANK).doesNotContain("VERBOSE");
            assertThat(c.sentence()).isEqualTo(c.prompt().replace(ClozeGenerator.BLANK, c.answer()));
            assertThat(c.anchor()).isIn("vacuum-in-postgresql", "why-vacuum-matters");
            assertThat(Grading.cloze(c.answer(), c.answer()).correct()).isTrue();
        }
        assertThat(clozes).extracting(ClozeGenerator.Cloze::answer).doesNotHaveDuplicates();
        assertThat(clozes).extracting(c -> c.answer().toLowerCase()).contains("vacuum");
    }

    @Test
    void aPostWithoutProseGivesNoQuestions() {
        assertThat(ClozeGenerator.generate("```\ncode only\n```\n", 5)).isEmpty();
        assertThat(ClozeGenerator.generate("", 5)).isEmpty();
    }
}
