package io.lectern.learning;

import io.lectern.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class LearningArchitectureTest {

    @Test
    void packagedByFeatureAndIndependentOfOtherServices() {
        ArchitectureRules.check("io.lectern.learning");
    }
}
