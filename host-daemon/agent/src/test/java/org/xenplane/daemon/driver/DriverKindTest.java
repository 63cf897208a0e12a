package org.xenplane.daemon.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.runtime.configuration.ConfigurationException;
import org.junit.jupiter.api.Test;

class DriverKindTest {

    @Test
    void simulatorAndLibxlAreKnown() {
        assertEquals(DriverKind.SIMULATOR, DriverKind.fromConfig(" Simulator "));
        assertEquals(DriverKind.LIBXL, DriverKind.fromConfig("libxl"));
    }

    @Test
    void unknownDriverStopsStartUpNamingTheAvailableOnes() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> DriverKind.fromConfig("kvm"));
        assertEquals("xenplane.daemon.driver=kvm is not a known driver; available drivers: simulator, libxl", e.getMessage());
    }
}
