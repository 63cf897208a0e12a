package org.xenplane.daemon.driver.libxl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Loading libxenlight, and what the driver says off Xen. */
class LibxlLoadingTest {

    @Test
    void theLibrariesLoadAndAnswerWithoutAHypervisor() {
        LibxlLibraries libraries = LibxlTestSupport.librariesOrSkip();
        assertThat(libraries.libxl.libxl_error_to_string(-3)).isEqualTo("fail");
        assertThat(libraries.stderr()).isNotNull();
    }

    @Test
    void offXenOpeningTheDriverStopsWithOneLineNamingPrivcmd() {
        Assumptions.assumeFalse(Files.exists(LibxlLibraries.PRIVCMD), "this machine is a Xen dom0");
        assertThatThrownBy(() -> LibxlDriver.open("test"))
                .isInstanceOf(LibxlUnavailableException.class)
                .hasMessageContaining("/dev/xen/privcmd is missing")
                .hasMessageContaining("not a Xen dom0")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
