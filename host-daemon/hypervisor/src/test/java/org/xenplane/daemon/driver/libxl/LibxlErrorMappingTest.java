package org.xenplane.daemon.driver.libxl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.xenplane.daemon.driver.HypervisorException;
import org.xenplane.daemon.driver.XenError;

/** libxl's error codes and Xenplane's {@link XenError} are the same list, and a code becomes its typed error. */
class LibxlErrorMappingTest {

    @Test
    void everyXenErrorHasLibxlsNameForItsNumber() {
        Libxl libxl = LibxlTestSupport.librariesOrSkip().libxl;
        for (XenError error : XenError.values()) {
            assertThat(libxl.libxl_error_to_string(error.code())).as("libxl's name for %d", error.code())
                    .isEqualTo(error.name().toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void aNegativeReturnCodeBecomesAHypervisorExceptionNamingTheFunction() {
        assertThatThrownBy(() -> LibxlCalls.check(-5, "libxl_domain_create_new"))
                .isInstanceOfSatisfying(HypervisorException.class, e -> {
                    assertThat(e.error()).isEqualTo(XenError.NOMEM);
                    assertThat(e.function()).isEqualTo("libxl_domain_create_new");
                    assertThat(e.getMessage()).startsWith("ERROR_NOMEM from libxl_domain_create_new");
                });
    }

    @Test
    void zeroAndPositiveReturnCodesPass() {
        assertThat(LibxlCalls.check(0, "libxl_domain_pause")).isZero();
        assertThat(LibxlCalls.check(7, "libxl_domain_pause")).isEqualTo(7);
    }

    @Test
    void anUnknownCodeIsNonspecific() {
        assertThat(XenError.fromCode(-999)).isEqualTo(XenError.NONSPECIFIC);
        assertThat(XenError.fromName("ERROR_GUEST_TIMEDOUT")).isEqualTo(XenError.GUEST_TIMEDOUT);
    }
}
