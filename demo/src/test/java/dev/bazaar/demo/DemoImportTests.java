package dev.bazaar.demo;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** When a finished import counts as the demo loaded; the import itself is DemoImportIntegrationTests. */
class DemoImportTests {

    @Test
    void everyRowAcceptedOrUnchangedIsLoaded() {
        assertThatCode(() -> DemoImport.check(status("COMPLETED", 10, 10, 0, 0), 10))
                .doesNotThrowAnyException();
        assertThatCode(() -> DemoImport.check(status("COMPLETED", 10, 3, 0, 7), 10))
                .doesNotThrowAnyException();
    }

    @Test
    void aRejectedRowFailsWithItsError() {
        var status = new ImportStatus(
                "i-1",
                "COMPLETED",
                new ImportStatus.Counts(10, 9, 1, 0, 0),
                null,
                List.of(new ImportStatus.RowError(4, "price", "must be greater than 0")));
        assertThatThrownBy(() -> DemoImport.check(status, 10))
                .isInstanceOf(DemoFailure.class)
                .hasMessageContaining("rejected 1 of 10")
                .hasMessageContaining("row 4 price: must be greater than 0");
    }

    @Test
    void aFailedImportFailsWithItsReason() {
        var status = new ImportStatus(
                "i-2", "FAILED", new ImportStatus.Counts(500, 500, 0, 0, 0), "database went away", List.of());
        assertThatThrownBy(() -> DemoImport.check(status, 10))
                .isInstanceOf(DemoFailure.class)
                .hasMessageContaining("FAILED: database went away");
    }

    @Test
    void rowsMissingOrSkippedFail() {
        assertThatThrownBy(() -> DemoImport.check(status("COMPLETED", 9, 9, 0, 0), 10))
                .isInstanceOf(DemoFailure.class);
        assertThatThrownBy(() -> DemoImport.check(status("COMPLETED", 10, 9, 0, 0), 10))
                .isInstanceOf(DemoFailure.class);
    }

    private static ImportStatus status(String state, long read, long accepted, long rejected, long unchanged) {
        return new ImportStatus(
                "i",
                state,
                new ImportStatus.Counts(read, accepted, rejected, read - accepted - rejected - unchanged, unchanged),
                null,
                List.of());
    }
}
