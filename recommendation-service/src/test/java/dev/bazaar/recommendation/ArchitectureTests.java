package dev.bazaar.recommendation;

import dev.bazaar.testing.FeatureBoundaries;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    @Test
    void featuresAreFreeOfCyclesAndKeepTheirInternalsPackagePrivate() {
        FeatureBoundaries.verify(RecommendationServiceApplication.class);
    }
}
