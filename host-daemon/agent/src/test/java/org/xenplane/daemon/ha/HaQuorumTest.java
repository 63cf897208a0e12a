package org.xenplane.daemon.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xenplane.daemon.protocol.ha.HaQuorum;

class HaQuorumTest {
    private final List<UUID> pool = List.of(id(1), id(2), id(3), id(4));

    @Test
    void moreThanHalfIsAQuorumAndLessIsNot() {
        assertThat(HaQuorum.isQuorum(pool, List.of(id(2), id(3), id(4)))).isTrue();
        assertThat(HaQuorum.isQuorum(pool, List.of(id(4)))).isFalse();
        assertThat(HaQuorum.isQuorum(pool, List.of())).isFalse();
    }

    @Test
    void anEvenSplitGoesToTheHalfWithTheLowestHostId() {
        assertThat(HaQuorum.isQuorum(pool, List.of(id(1), id(4)))).isTrue();
        assertThat(HaQuorum.isQuorum(pool, List.of(id(2), id(3)))).isFalse();
    }

    @Test
    void hostsOutsideThePoolAndRepeatsDoNotCount() {
        assertThat(HaQuorum.isQuorum(pool, List.of(id(2), id(2), id(3), id(9)))).isFalse();
    }

    @Test
    void noTwoDisjointSubsetsOfAPoolAreBothQuorums() {
        for (int mask = 0; mask < 16; mask++) {
            List<UUID> side = new ArrayList<>();
            List<UUID> rest = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ((mask & (1 << i)) != 0 ? side : rest).add(pool.get(i));
            }
            assertThat(HaQuorum.isQuorum(pool, side) && HaQuorum.isQuorum(pool, rest)).as("split %s", side).isFalse();
        }
    }

    private static UUID id(int n) {
        return new UUID(0, n);
    }
}
