package org.xenplane.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which calls a fenced host refuses: whatever would run a domain or change storage; reads, stops and the rest pass. */
class FencedGuardTest {

    @ParameterizedTest(name = "{0} {1} (stream {2}): refused {3}")
    @CsvSource({
            "PUT,    /domains/0c8f,                  false, true",
            "POST,   /domains/0c8f/restore,          false, true",
            "POST,   /incoming-migrations,           false, true",
            "POST,   /0c8f,                          true,  true",
            "POST,   /srs/1/create,                  false, true",
            "PUT,    /srs/1/volumes/2,               false, true",
            "DELETE, /srs/1/volumes/2,               false, true",
            "PUT,    /srs/1/volumes/2/content,       false, true",
            "GET,    /srs/1/volumes,                 false, false",
            "GET,    /srs/1/volumes/2/content,       false, false",
            "DELETE, /domains/0c8f,                  false, false",
            "POST,   /domains/0c8f/shutdown,         false, false",
            "POST,   /domains/0c8f/migrate,          false, false",
            "PUT,    /domains/0c8f/disks/xvda/medium, false, false",
            "GET,    /domains,                       false, false",
            "GET,    /ha/status,                     false, false",
    })
    void refused(String method, String path, boolean stream, boolean refused) {
        assertThat(FencedGuard.refused(method, path, stream)).isEqualTo(refused);
    }
}
