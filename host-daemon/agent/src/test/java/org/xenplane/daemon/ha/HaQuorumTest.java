package org.xenplane.daemon.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xenplane.daemon.protocol.ha.HaQuorum;

/** The quorum rule with the control plane as a witness; host n's id sorts in n's order, so host 1 is the lowest. */
class HaQuorumTest {

    /** Proves a two-host pool survives the loss of either host: the survivor and the control plane outvote it. */
    @Test
    void inATwoHostPoolEitherSurvivorWithTheControlPlaneIsAQuorumAndALoneHostIsNot() {
        List<UUID> pool = pool(2);
        assertThat(HaQuorum.withControlPlane(pool, List.of(id(1)))).isTrue();
        assertThat(HaQuorum.withControlPlane(pool, List.of(id(2)))).isTrue();
        assertThat(HaQuorum.withoutControlPlane(pool, List.of(id(1)))).isFalse();
        assertThat(HaQuorum.withoutControlPlane(pool, List.of(id(2)))).isFalse();
        assertThat(HaQuorum.withoutControlPlane(pool, List.of(id(1), id(2)))).as("the control plane down for everyone").isTrue();
    }

    /** Proves the only host of a pool keeps running without the control plane, which alone declares nothing. */
    @Test
    void aOneHostPoolNeverFencesAndIsNeverDeclaredDead() {
        assertThat(HaQuorum.withoutControlPlane(pool(1), List.of(id(1)))).isTrue();
        assertThat(HaQuorum.withControlPlane(pool(1), List.of())).isFalse();
    }

    /** Proves an even split of the voters goes to the side with the lowest host id. */
    @Test
    void anEvenSplitGoesToTheSideWithTheLowestHostId() {
        List<UUID> pool = pool(3);
        assertThat(HaQuorum.withControlPlane(pool, List.of(id(1)))).isTrue();
        assertThat(HaQuorum.withoutControlPlane(pool, List.of(id(2), id(3)))).isFalse();
        assertThat(HaQuorum.withControlPlane(pool, List.of(id(3)))).isFalse();
        assertThat(HaQuorum.withoutControlPlane(pool, List.of(id(1), id(2)))).isTrue();
    }

    /** Proves hosts outside the pool and repeats do not count. */
    @Test
    void hostsOutsideThePoolAndRepeatsDoNotCount() {
        assertThat(HaQuorum.withoutControlPlane(pool(4), List.of(id(2), id(2), id(3), id(9)))).isFalse();
        assertThat(HaQuorum.withoutControlPlane(List.of(), List.of(id(1)))).isFalse();
    }

    /**
     * Proves the safety property for pools of one to seven hosts, over every split: the control plane
     * with one side and the hosts of the other side are never both a quorum.
     */
    @Test
    void theControlPlaneAndTheHostsCutOffFromItAreNeverBothAQuorum() {
        for (int size = 1; size <= 7; size++) {
            List<UUID> pool = pool(size);
            for (int mask = 0; mask < (1 << size); mask++) {
                List<UUID> heard = new ArrayList<>();
                List<UUID> cutOff = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    ((mask & (1 << i)) != 0 ? heard : cutOff).add(pool.get(i));
                }
                assertThat(HaQuorum.withControlPlane(pool, heard) && HaQuorum.withoutControlPlane(pool, cutOff))
                        .as("pool of %d, heard %s", size, heard).isFalse();
            }
        }
    }

    private static List<UUID> pool(int size) {
        List<UUID> pool = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            pool.add(id(i));
        }
        return pool;
    }

    private static UUID id(int n) {
        return new UUID(0, n);
    }
}
