package io.lectern.content;

import io.lectern.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ContentArchitectureTest {

    @Test
    void packagedByFeatureAndIndependentOfOtherServices() {
        ArchitectureRules.check("io.lectern.content");
    }
}
