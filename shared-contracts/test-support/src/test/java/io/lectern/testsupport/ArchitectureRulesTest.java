package io.lectern.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchitectureRulesTest {

    static final String ROOT = "io.lectern.testsupport.fixture.wired";

    @Test
    void configurationAndBeansOutsideConfigAreRefusedAndInsideConfigAllowed() {
        JavaClasses classes = new ClassFileImporter().importPackages(ROOT);
        List<String> violations = ArchitectureRules.rules(ROOT).stream()
                .map(rule -> rule.evaluate(classes))
                .filter(EvaluationResult::hasViolation)
                .flatMap(result -> result.getFailureReport().getDetails().stream())
                .toList();
        assertThat(violations)
                .anySatisfy(v -> assertThat(v).contains("PostWiring").contains("Configuration"))
                .anySatisfy(v -> assertThat(v).contains("PostWiring.postName()"))
                .noneSatisfy(v -> assertThat(v).contains("config.Wiring"));
    }
}
