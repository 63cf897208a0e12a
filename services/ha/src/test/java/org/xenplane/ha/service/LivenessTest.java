package org.xenplane.ha.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xenplane.core.daemon.HostHeartbeat;
import org.xenplane.ha.model.DeadHost;

/** The dead-host rules of {@link Liveness}, with T = 6 s and a 5 s margin, at one instant. */
class LivenessTest {
    private static final long T = 6000;
    private static final long MARGIN = 5000;
    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");
    private static final Instant ENABLED = NOW.minusSeconds(60);

    private static HostHeartbeat host(String id, long ageMillis) {
        return new HostHeartbeat(UUID.fromString("00000000-0000-4000-8000-00000000000" + id), "h" + id,
                NOW.minusMillis(ageMillis), ageMillis);
    }

    /** Proves a host silent past T + margin is declared dead while the others, heard within T, are a quorum. */
    @Test
    void aHostSilentPastTPlusMarginIsDeclaredDeadWhenTheRestAreAQuorum() {
        Liveness l = Liveness.of(T, MARGIN, ENABLED, List.of(host("1", 11_001), host("2", 500), host("3", 900)), List.of());
        assertThat(l.quorum()).isTrue();
        assertThat(l.toDeclareDead()).extracting(HostHeartbeat::name).containsExactly("h1");
        assertThat(l.state(l.hosts().get(0))).isEqualTo("silent");
    }

    /** Proves nobody is declared dead before T + margin has passed, however long past T. */
    @Test
    void notBeforeTPlusMargin() {
        Liveness l = Liveness.of(T, MARGIN, ENABLED, List.of(host("1", 11_000), host("2", 500), host("3", 900)), List.of());
        assertThat(l.toDeclareDead()).isEmpty();
    }

    /** Proves a control plane that hears too few hosts (one of three, not the lowest id) declares nobody dead. */
    @Test
    void withoutAQuorumNobodyIsDeclaredDead() {
        Liveness l = Liveness.of(T, MARGIN, ENABLED, List.of(host("1", 50_000), host("2", 50_000), host("3", 900)), List.of());
        assertThat(l.quorum()).isFalse();
        assertThat(l.toDeclareDead()).isEmpty();
    }

    /** Proves a two-host pool survives the loss of either host: the survivor and the control plane are a quorum. */
    @Test
    void inATwoHostPoolEitherHostIsDeclaredDeadWhileTheOtherIsHeard() {
        assertThat(Liveness.of(T, MARGIN, ENABLED, List.of(host("1", 500), host("2", 50_000)), List.of()).toDeclareDead())
                .extracting(HostHeartbeat::name).containsExactly("h2");
        assertThat(Liveness.of(T, MARGIN, ENABLED, List.of(host("1", 50_000), host("2", 500)), List.of()).toDeclareDead())
                .extracting(HostHeartbeat::name).containsExactly("h1");
    }

    /** Proves the tie rule: the control plane and half the hosts are a quorum only with the lowest host id. */
    @Test
    void anEvenSplitOfTheVotersGoesToTheSideWithTheLowestHostId() {
        assertThat(Liveness.of(T, MARGIN, ENABLED, List.of(host("1", 500), host("2", 50_000), host("3", 50_000)), List.of())
                .toDeclareDead()).extracting(HostHeartbeat::name).containsExactly("h2", "h3");
        assertThat(Liveness.of(T, MARGIN, ENABLED, List.of(host("1", 50_000), host("2", 50_000), host("3", 500)), List.of())
                .toDeclareDead()).isEmpty();
    }

    /** Proves a host whose last heartbeat came before its lease could have been granted is never declared dead. */
    @Test
    void aHostSilentSinceBeforeHaWasEnabledHeldNoLeaseAndIsNotDeclaredDead() {
        Liveness l = Liveness.of(T, MARGIN, NOW.minusSeconds(20), List.of(host("1", 30_000), host("2", 500), host("3", 900)),
                List.of());
        assertThat(l.toDeclareDead()).isEmpty();
    }

    /** Proves a dead host stays dead until it heartbeats again, and is then back alive (not declared twice). */
    @Test
    void aDeadHostIsNotDeclaredTwiceAndIsLiveAgainAfterAHeartbeat() {
        HostHeartbeat silent = host("1", 20_000);
        DeadHost dead = new DeadHost(silent.id(), NOW.minusSeconds(5), silent.lastHeartbeat(), true);
        Liveness still = Liveness.of(T, MARGIN, ENABLED, List.of(silent, host("2", 500), host("3", 900)), List.of(dead));
        assertThat(still.toDeclareDead()).isEmpty();
        assertThat(still.state(silent)).isEqualTo("dead");
        assertThat(still.backAlive()).isEmpty();

        Liveness back = Liveness.of(T, MARGIN, ENABLED, List.of(host("1", 300), host("2", 500), host("3", 900)), List.of(dead));
        assertThat(back.backAlive()).containsExactly(silent.id());
        assertThat(back.state(back.hosts().get(0))).isEqualTo("live");
    }
}
