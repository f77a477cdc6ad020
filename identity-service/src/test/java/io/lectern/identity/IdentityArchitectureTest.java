package io.lectern.identity;

import io.lectern.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class IdentityArchitectureTest {

    @Test
    void packagedByFeatureAndIndependentOfOtherServices() {
        ArchitectureRules.check("io.lectern.identity");
    }
}
