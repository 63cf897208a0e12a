package org.xenplane.daemon.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalSrOffersTest {

    @Test
    void eachHostIsOfferedItsOwnDirectoryUnderTheRoot() {
        LocalSrOffers offers = new LocalSrOffers(true, Path.of("/var/lib/xenplane/sr"), roots("/", "/var/lib/xenplane/sr"));
        assertThat(offers.offer("xen1").path()).isEqualTo("/var/lib/xenplane/sr/xen1");
        assertThat(offers.offer("sim-host-2").path()).isEqualTo("/var/lib/xenplane/sr/sim-host-2");
    }

    @Test
    void aRootWrittenWithDotsIsOfferedNormalised() {
        LocalSrOffers offers = new LocalSrOffers(true, Path.of("/srv/a/../sr"), roots("/srv", "/srv/a/../sr"));
        assertThat(offers.offer("h").path()).isEqualTo("/srv/sr/h");
    }

    @Test
    void nothingIsOfferedWhenLocalStorageIsOff() {
        assertThat(new LocalSrOffers(false, Path.of("/var/lib/xenplane/sr"), roots("/", "/var/lib/xenplane/sr")).offer("h").path()).isNull();
    }

    @Test
    void theRootIsAllowedEvenWhenNoConfiguredRootHoldsIt() {
        LocalSrOffers offers = new LocalSrOffers(true, Path.of("/var/lib/xenplane/sr"), roots("/srv/storage", "/var/lib/xenplane/sr"));
        assertThat(offers.offer("h").path()).isEqualTo("/var/lib/xenplane/sr/h");
    }

    @Test
    void nothingIsOfferedWhenTheRootIsASystemDirectory() {
        LocalSrOffers offers = new LocalSrOffers(true, Path.of("/etc/sr"), roots("/", "/etc/sr"));
        assertThat(offers.offer("h").path()).isNull();
    }

    /** The file SR roots a daemon with this configured root and this local SR root has. */
    private static FileSrRoots roots(String configured, String localRoot) {
        return new FileSrRoots(List.of(Path.of(configured)), Optional.of(Path.of(localRoot)));
    }
}
