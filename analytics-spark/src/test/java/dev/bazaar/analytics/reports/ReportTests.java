package dev.bazaar.analytics.reports;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.analytics.LocalSpark;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Test;

class ReportTests {

    @Test
    void aSearchIsCountedUnderItsQueryLowerCasedAndTrimmed() {
        var searches = LocalSpark.session()
                .createDataset(
                        Arrays.asList("Red Shoes", "  red shoes ", "RED SHOES\t", "   ", null), Encoders.STRING());

        List<String> queries = searches.select(Report.normalisedQuery(col("value")))
                .as(Encoders.STRING())
                .collectAsList();

        assertThat(queries).containsExactly("red shoes", "red shoes", "red shoes", "", null);
    }

    @Test
    void theReportsOfTheContractWithTheirWindows() {
        assertThat(Arrays.stream(Report.values()).map(r -> r.reportName() + " " + r.window()))
                .containsExactly(
                        "most-bought PT30M",
                        "most-ordered PT1H",
                        "top-revenue PT1H",
                        "most-wishlisted PT30M",
                        "searches PT30M");
    }
}
