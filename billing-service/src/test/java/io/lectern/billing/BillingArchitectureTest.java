package io.lectern.billing;

import io.lectern.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class BillingArchitectureTest {

    @Test
    void packagedByFeatureAndIndependentOfOtherServices() {
        ArchitectureRules.check("io.lectern.billing");
    }
}
