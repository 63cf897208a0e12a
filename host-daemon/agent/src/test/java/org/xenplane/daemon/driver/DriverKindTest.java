package org.xenplane.daemon.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.runtime.configuration.ConfigurationException;
import org.junit.jupiter.api.Test;

class DriverKindTest {

    @Test
    void simulatorIsAvailable() {
        assertEquals(DriverKind.SIMULATOR, DriverKind.fromConfig(" Simulator "));
    }

    @Test
    void libxlStopsStartUpSayingItIsNotInThisBuildYet() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> DriverKind.fromConfig("libxl"));
        assertEquals("xenplane.daemon.driver=libxl: the libxl driver is not available in this build yet;"
                + " available drivers: simulator", e.getMessage());
    }

    @Test
    void unknownDriverStopsStartUpNamingTheAvailableOnes() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> DriverKind.fromConfig("kvm"));
        assertEquals("xenplane.daemon.driver=kvm is not a known driver; available drivers: simulator", e.getMessage());
    }
}
