package org.xenplane.daemon.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalSrOffersTest {

    @Test
    void eachHostIsOfferedItsOwnDirectoryUnderTheRoot() {
        LocalSrOffers offers = new LocalSrOffers(true, Path.of("/var/lib/xenplane/sr"), List.of(Path.of("/")));
        assertThat(offers.offer("xen1").path()).isEqualTo("/var/lib/xenplane/sr/xen1");
        assertThat(offers.offer("sim-host-2").path()).isEqualTo("/var/lib/xenplane/sr/sim-host-2");
    }

    @Test
    void aRootWrittenWithDotsIsOfferedNormalised() {
        LocalSrOffers offers = new LocalSrOffers(true, Path.of("/srv/a/../sr"), List.of(Path.of("/srv")));
        assertThat(offers.offer("h").path()).isEqualTo("/srv/sr/h");
    }

    @Test
    void nothingIsOfferedWhenLocalStorageIsOff() {
        assertThat(new LocalSrOffers(false, Path.of("/var/lib/xenplane/sr"), List.of(Path.of("/"))).offer("h").path()).isNull();
    }

    @Test
    void nothingIsOfferedWhenTheRootIsOutsideTheAllowedFileRoots() {
        LocalSrOffers offers = new LocalSrOffers(true, Path.of("/var/lib/xenplane/sr"), List.of(Path.of("/srv/storage")));
        assertThat(offers.offer("h").path()).isNull();
    }
}
