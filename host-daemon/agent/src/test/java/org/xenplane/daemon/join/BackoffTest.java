package org.xenplane.daemon.join;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void joinDelaysDoubleFromOneSecondAndStayAtTenSeconds() {
        List<Long> seconds = IntStream.rangeClosed(1, 7).mapToObj(Backoff.JOIN::delay).map(Duration::toSeconds).toList();
        assertEquals(List.of(1L, 2L, 4L, 8L, 10L, 10L, 10L), seconds);
    }

    @Test
    void delayOfAVeryLateAttemptDoesNotOverflow() {
        assertEquals(Duration.ofSeconds(10), Backoff.JOIN.delay(Integer.MAX_VALUE));
    }
}
