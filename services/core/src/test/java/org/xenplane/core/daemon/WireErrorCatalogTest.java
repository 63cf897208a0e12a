package org.xenplane.core.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.daemon.protocol.WireError;

/** The daemon's wire errors against the control plane's catalog: every code is reported as a known one. */
class WireErrorCatalogTest {

    @Test
    void everyWireCodeMapsToAControlPlaneCode() {
        for (WireError wire : WireError.values()) {
            assertThat(WireErrors.controlPlaneCode(wire)).as("control-plane code of %s", wire).isNotNull();
        }
    }

    @Test
    void aWireCodeNamedLikeAControlPlaneCodeHasItsTitle() {
        for (WireError wire : WireError.values()) {
            if (wire.reach() != WireError.Reach.LINK) {
                assertThat(Arrays.stream(ErrorCode.values()).map(Enum::name)).as("code named %s", wire).contains(wire.name());
            }
            Arrays.stream(ErrorCode.values()).filter(c -> c.name().equals(wire.name())).findFirst()
                    .ifPresent(code -> assertThat(wire.title()).as("title of %s", wire).isEqualTo(code.title()));
        }
    }

    @Test
    void clientErrorsPassOnWithTheSameStatusAndParameters() {
        for (WireError wire : WireError.values()) {
            if (wire.reach() == WireError.Reach.CLIENT) {
                ErrorCode code = WireErrors.controlPlaneCode(wire);
                assertThat(code.name()).isEqualTo(wire.name());
                assertThat(code.httpStatus()).as("status of %s", wire).isEqualTo(wire.status());
                assertThat(code.parameterNames()).as("parameters of %s", wire).isEqualTo(wire.parameterNames());
            }
        }
    }

    @Test
    void hostErrorsNameTheHostFirstThenTheDaemonsParameters() {
        for (WireError wire : WireError.values()) {
            if (wire.reach() == WireError.Reach.HOST) {
                ErrorCode code = WireErrors.controlPlaneCode(wire);
                List<String> expected = new ArrayList<>(List.of(WireError.HOST_PARAMETER));
                expected.addAll(wire.parameterNames());
                assertThat(code.name()).isEqualTo(wire.name());
                assertThat(code.parameterNames()).as("parameters of %s", wire).isEqualTo(expected);
            }
        }
    }

    @Test
    void faultsOfTheLinkAreHostDaemonErrors() {
        for (WireError wire : WireError.values()) {
            if (wire.reach() == WireError.Reach.LINK) {
                assertThat(WireErrors.controlPlaneCode(wire)).as("%s", wire).isEqualTo(ErrorCode.HOST_DAEMON_ERROR);
            }
        }
    }
}
