package io.lectern.notify;

import io.lectern.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class NotifyArchitectureTest {

    @Test
    void packagedByFeatureAndIndependentOfOtherServices() {
        ArchitectureRules.check("io.lectern.notify");
    }
}
