package dev.bazaar.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SparkSessionsTests {

    @Test
    void runsLocallyWithTwoCoresAndNoUi() {
        var spark = LocalSpark.session();

        assertThat(spark.sparkContext().master()).isEqualTo("local[2]");
        assertThat(spark.conf().get("spark.ui.enabled")).isEqualTo("false");
        assertThat(spark.range(1, 101).selectExpr("sum(id)").first().getLong(0)).isEqualTo(5050L);
    }
}
