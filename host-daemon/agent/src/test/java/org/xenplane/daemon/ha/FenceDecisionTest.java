package org.xenplane.daemon.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xenplane.daemon.ha.FenceDecision.Verdict;
import org.xenplane.daemon.protocol.ha.HaPeerStatus;

/**
 * The fencing rule as a table: host 1..N ids sort in their number's order, so host 1 is the pool's
 * lowest id (it wins an even split of the voters: the hosts and the control plane). Each row names this host, the pool size and what each peer
 * answered: {@code R} reaches the control plane, {@code u} answered without reaching it,
 * {@code F} answered fenced (not reaching it), {@code s} says it reaches it but its last
 * acknowledged heartbeat is stale (older than the freshness, 9 s here: its lease is running out
 * as this host's is), {@code -} did not answer.
 */
class FenceDecisionTest {

    @ParameterizedTest(name = "host {0} of {1}, peers {2}: {3}")
    @CsvSource({
            // alone in a pool of one: a quorum of itself, nobody else could run its VMs
            "1, 1, '',    KEEP_RUNNING",
            // two hosts
            "2, 2, R,     FENCE_ISOLATED",
            "2, 2, u,     KEEP_RUNNING",
            "2, 2, -,     FENCE_NO_QUORUM",
            "1, 2, -,     FENCE_NO_QUORUM",
            // three hosts, four voters: two hosts are a quorum only with host 1; a peer that reaches
            // the control plane wins over a quorum without it
            "1, 3, uR,    FENCE_ISOLATED",
            "1, 3, u-,    KEEP_RUNNING",
            "3, 3, u-,    KEEP_RUNNING",
            "3, 3, --,    FENCE_NO_QUORUM",
            "2, 3, F-,    KEEP_RUNNING",
            // four hosts, five voters: two hosts are no quorum, three are
            "1, 4, u--,   FENCE_NO_QUORUM",
            "3, 4, --u,   FENCE_NO_QUORUM",
            "4, 4, u--,   FENCE_NO_QUORUM",
            "4, 4, -uu,   KEEP_RUNNING",
            "4, 4, --R,   FENCE_ISOLATED",
            "2, 4, ---,   FENCE_NO_QUORUM",
            // the control plane down for everyone: peers' leases end with this one's, nobody fences
            "1, 2, s,     KEEP_RUNNING",
            "3, 3, ss,    KEEP_RUNNING",
            "3, 3, sR,    FENCE_ISOLATED",
            "4, 4, s--,   FENCE_NO_QUORUM",
            "4, 4, ss-,   KEEP_RUNNING",
            "3, 4, -s-,   FENCE_NO_QUORUM",
    })
    void verdict(int self, int poolSize, String answers, Verdict expected) {
        List<UUID> peers = new java.util.ArrayList<>();
        Map<UUID, HaPeerStatus> answered = new HashMap<>();
        int next = 0;
        for (int host = 1; host <= poolSize; host++) {
            if (host == self) {
                continue;
            }
            UUID peer = id(host);
            peers.add(peer);
            char answer = answers.charAt(next++);
            if (answer != '-') {
                boolean says = answer == 'R' || answer == 's';
                answered.put(peer, new HaPeerStatus(peer, says, answer == 'R' ? 3_000 : 25_000, answer == 'F'));
            }
        }
        assertThat(FenceDecision.decide(id(self), peers, answered, 9_000)).isEqualTo(expected);
        assertThat(expected.fences()).isEqualTo(expected != Verdict.KEEP_RUNNING);
    }

    private static UUID id(int n) {
        return new UUID(0, n);
    }
}
