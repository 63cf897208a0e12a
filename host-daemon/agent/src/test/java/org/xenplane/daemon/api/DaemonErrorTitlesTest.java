package org.xenplane.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.xenplane.daemon.network.NetworkError;

/** The daemon's errors have hand-written titles, as the control plane's do, not their enum names. */
class DaemonErrorTitlesTest {

    @Test
    void everyDaemonErrorHasAHandWrittenTitle() {
        for (DaemonError error : DaemonError.values()) {
            assertThat(error.title()).as("title of %s", error).isNotBlank().doesNotContain("_")
                    .isNotEqualToIgnoringCase(error.name().replace('_', ' ').toLowerCase(Locale.ROOT));
        }
        for (NetworkError error : NetworkError.values()) {
            assertThat(error.title()).as("title of %s", error).isNotBlank().doesNotContain("_")
                    .isNotEqualToIgnoringCase(error.name().replace('_', ' ').toLowerCase(Locale.ROOT));
        }
    }
}
