package org.xenplane.daemon.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OutcomeLogTest {

    @Test
    void onlyChangesOfOutcomeAreLogged() {
        OutcomeLog log = new OutcomeLog();
        List<Boolean> logged = Stream.of("ok", "ok", "HTTP 503", "HTTP 503", "HTTP 503", "unreachable", "ok", "ok")
                .map(outcome -> log.record("sim-host-1", outcome)).toList();
        assertEquals(List.of(false, false, true, false, false, true, true, false), logged);
    }

    @Test
    void eachHostHasItsOwnOutcome() {
        OutcomeLog log = new OutcomeLog();
        log.record("sim-host-1", "HTTP 503");
        assertEquals(true, log.record("sim-host-2", "HTTP 503"));
    }
}
