package org.xenplane.daemon.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a file SR may live: under a configured root or the local SR root, never in a system directory. */
class FileSrRootsTest {
    private final FileSrRoots defaults = new FileSrRoots(List.of(Path.of("/var/lib/xenplane/sr")),
            Optional.of(Path.of("/var/lib/xenplane/state/sr")));

    @Test
    void aDirectoryUnderTheDefaultRootOrTheLocalSrRootIsAllowed() {
        assertThat(defaults.refusal(Path.of("/var/lib/xenplane/sr/fast"))).isEmpty();
        assertThat(defaults.refusal(Path.of("/var/lib/xenplane/state/sr/host-1"))).isEmpty();
    }

    @Test
    void aDirectoryOutsideTheRootsIsRefusedNamingThem() {
        assertThat(defaults.refusal(Path.of("/srv/images"))).get().asString()
                .contains("outside").contains("/var/lib/xenplane/sr").contains("allowed-file-roots");
        assertThat(defaults.refusal(Path.of("/var/lib/xenplane"))).get().asString().contains("outside");
    }

    @Test
    void systemDirectoriesAreRefusedEvenWhenTheRootIsSlash() {
        FileSrRoots everything = new FileSrRoots(List.of(Path.of("/")), Optional.empty());
        for (String system : List.of("/etc", "/etc/xen", "/boot", "/dev/shm", "/proc/1", "/sys/fs", "/usr/lib", "/root",
                "/run/xenplane", "/bin", "/sbin", "/lib/modules", "/var/lib/dpkg")) {
            assertThat(everything.refusal(Path.of(system))).as(system).get().asString().contains("system directory");
        }
        assertThat(everything.refusal(Path.of("/"))).get().asString().contains("never an SR");
        assertThat(everything.refusal(Path.of("/srv/sr"))).isEmpty();
        assertThat(everything.refusal(Path.of("/etcetera"))).as("a sibling sharing a prefix").isEmpty();
    }
}
