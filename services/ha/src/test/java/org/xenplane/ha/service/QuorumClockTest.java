package org.xenplane.ha.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuorumClockTest {
    private static final long MS = 1_000_000;

    /** Proves the quorum is timed from the round it was first heard, and a round without one starts the count again. */
    @Test
    void aQuorumCountsFromTheFirstRoundItIsHeardAndALossStartsAgain() {
        QuorumClock clock = new QuorumClock();
        assertThat(clock.observe(false, 0)).isEqualTo(-1);
        assertThat(clock.observe(true, 1000 * MS)).isZero();
        assertThat(clock.observe(true, 12_000 * MS)).isEqualTo(11_000);
        assertThat(clock.observe(false, 13_000 * MS)).isEqualTo(-1);
        assertThat(clock.observe(true, 14_000 * MS)).isZero();
        assertThat(clock.observe(true, 15_500 * MS)).isEqualTo(1_500);
    }
}
