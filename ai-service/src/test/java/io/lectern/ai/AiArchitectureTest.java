package io.lectern.ai;

import io.lectern.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class AiArchitectureTest {

    @Test
    void packagedByFeatureAndIndependentOfOtherServices() {
        ArchitectureRules.check("io.lectern.ai");
    }
}
