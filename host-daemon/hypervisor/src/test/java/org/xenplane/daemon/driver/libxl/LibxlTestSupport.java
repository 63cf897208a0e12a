package org.xenplane.daemon.driver.libxl;

import org.junit.jupiter.api.Assumptions;

/** For the libxl tests that need the library (not a hypervisor): skip with a clear reason where it is absent. */
final class LibxlTestSupport {
    private LibxlTestSupport() {
    }

    static LibxlLibraries librariesOrSkip() {
        try {
            return LibxlLibraries.load();
        } catch (LibxlUnavailableException e) {
            Assumptions.abort("libxenlight is not installed here (apt-get install libxenmisc4.17; .ci/run does): "
                    + e.getMessage());
            throw e;
        }
    }
}
