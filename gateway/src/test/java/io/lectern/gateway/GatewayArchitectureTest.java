package io.lectern.gateway;

import io.lectern.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class GatewayArchitectureTest {

    @Test
    void packagedByFeatureAndIndependentOfServices() {
        ArchitectureRules.check("io.lectern.gateway");
    }
}
