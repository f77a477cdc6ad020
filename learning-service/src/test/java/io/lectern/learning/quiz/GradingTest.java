package io.lectern.learning.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class GradingTest {

    @Test
    void multipleChoiceIsRightOnlyWithTheOneRightOption() {
        assertThat(Grading.singleChoice(Set.of(2), Set.of(2)).correct()).isTrue();
        assertThat(Grading.singleChoice(Set.of(2), Set.of(1)).correct()).isFalse();
        assertThat(Grading.singleChoice(Set.of(2), Set.of(1, 2)).correct()).isFalse();
        assertThat(Grading.singleChoice(Set.of(2), Set.of()).score()).isZero();
    }

    @Test
    void multipleAnswersNeedsTheExactSetAndGivesPartialCreditOtherwise() {
        assertThat(Grading.multipleAnswers(Set.of(0, 2), Set.of(0, 2)).correct())
                .isTrue();
        Grading.Outcome partial = Grading.multipleAnswers(Set.of(0, 2), Set.of(0));
        assertThat(partial.correct()).isFalse();
        assertThat(partial.score()).isEqualTo(0.5);
        Grading.Outcome everything = Grading.multipleAnswers(Set.of(0, 2), Set.of(0, 1, 2, 3));
        assertThat(everything.correct()).isFalse();
        assertThat(everything.score()).isZero();
    }

    @Test
    void clozeIgnoresCaseAccentsPunctuationAcceptsAlternativesAndOneTypoInLongWords() {
        assertThat(Grading.cloze("Vacuum", " vacuum. ").correct()).isTrue();
        assertThat(Grading.cloze("café", "Cafe").correct()).isTrue();
        assertThat(Grading.cloze("index|indexes", "indexes").correct()).isTrue();
        assertThat(Grading.cloze("checkpoint", "chekpoint").correct()).isTrue();
        assertThat(Grading.cloze("WAL", "WAN").correct()).isFalse();
        assertThat(Grading.cloze("checkpoint", "snapshot").correct()).isFalse();
    }

    @Test
    void freeTextFallbackScoresTheCoverageOfTheReferencesKeyTerms() {
        String reference = "MVCC keeps old row versions so readers never block writers.";

        Grading.Outcome good = Grading.coverage(
                reference, "Readers don't block writers because old versions of rows are kept (MVCC).");
        Grading.Outcome poor = Grading.coverage(reference, "It uses locks.");

        assertThat(good.correct()).isTrue();
        assertThat(good.method()).isEqualTo("coverage");
        assertThat(good.coveredTerms()).contains("mvcc", "reader", "writer");
        assertThat(poor.correct()).isFalse();
        assertThat(poor.score()).isZero();
        assertThat(poor.missingTerms()).contains("mvcc", "block");
        assertThat(poor.feedback()).contains("mvcc");
    }
}
