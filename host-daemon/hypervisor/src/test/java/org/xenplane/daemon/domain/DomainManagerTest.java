package org.xenplane.daemon.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenplane.daemon.driver.DriverOperation;
import org.xenplane.daemon.driver.HypervisorException;
import org.xenplane.daemon.driver.XenError;
import org.xenplane.daemon.driver.simulator.GuestBehaviour;
import org.xenplane.daemon.driver.simulator.SimulatedHost;
import org.xenplane.daemon.driver.simulator.SimulatorSettings;
import org.xenplane.daemon.operation.OperationIdReusedException;
import org.xenplane.daemon.protocol.DomainEnded;
import org.xenplane.daemon.protocol.DomainInfo;
import org.xenplane.daemon.protocol.DomainRequests.IncomingMigration;
import org.xenplane.daemon.protocol.DomainResult;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.daemon.protocol.DomainState;
import org.xenplane.daemon.protocol.DomainType;
import org.xenplane.daemon.protocol.ShutdownReason;

class DomainManagerTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    @TempDir
    Path dir;
    private final SimulatedHost host = new SimulatedHost(SimulatorSettings.host(8, 8192), "test");
    private HttpServer receiver;

    private DomainManager manager() {
        return new DomainManager("sim-host-1", host, dir.resolve("images"));
    }

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void aRepeatedOperationIdReturnsTheFirstOutcomeAndActsOnce() {
        DomainManager domains = manager();
        DomainSpec spec = spec(UUID.randomUUID());
        DomainResult first = domains.create("op-1", spec, false);
        DomainResult again = domains.create("op-1", spec, false);

        assertThat(again).isEqualTo(first);
        assertThat(host.calls().of(DriverOperation.CREATE)).hasSize(1);
        assertThatThrownBy(() -> domains.destroy("op-1", spec.vmId()))
                .isInstanceOf(OperationIdReusedException.class);
    }

    @Test
    void aRepeatedOperationIdRepeatsItsFailureWithoutTryingAgain() {
        DomainManager domains = manager();
        DomainSpec spec = spec(UUID.randomUUID());
        host.failures().failNext(DriverOperation.CREATE, XenError.NOMEM);
        assertThatThrownBy(() -> domains.create("op-2", spec, false)).isInstanceOf(HypervisorException.class);
        assertThatThrownBy(() -> domains.create("op-2", spec, false)).isInstanceOfSatisfying(HypervisorException.class,
                e -> assertThat(e.error()).isEqualTo(XenError.NOMEM));
        assertThat(host.calls().of(DriverOperation.CREATE)).hasSize(1);
    }

    @Test
    void everyChangeRaisesTheGeneration() {
        DomainManager domains = manager();
        DomainSpec spec = spec(UUID.randomUUID());
        long created = domains.create(null, spec, false).generation();
        long paused = domains.pause(null, spec.vmId()).generation();
        assertThat(paused).isGreaterThan(created);
        assertThat(domains.report(UUID.randomUUID()).generation()).isEqualTo(paused);
    }

    @Test
    void aCleanShutdownWaitsForTheGuestAndRecordsWhyTheDomainEnded() {
        DomainManager domains = manager();
        DomainSpec spec = spec(UUID.randomUUID());
        domains.create(null, spec, false);
        DomainResult result = domains.cleanShutdown(null, spec.vmId(), Duration.ofSeconds(5));

        assertThat(result.domain()).isNull();
        assertThat(host.find(spec.vmId())).isEmpty();
        assertThat(domains.report(UUID.randomUUID()).ended()).extracting(DomainEnded::reason)
                .containsExactly(ShutdownReason.POWEROFF);
    }

    @Test
    void aCleanShutdownThatTheGuestIgnoresTimesOutAndLeavesTheDomainRunning() {
        DomainManager domains = manager();
        DomainSpec spec = spec(UUID.randomUUID());
        domains.create(null, spec, false);
        host.setGuestBehaviour(spec.vmId(), GuestBehaviour.IGNORES_REQUESTS);

        assertThatThrownBy(() -> domains.cleanShutdown(null, spec.vmId(), Duration.ofMillis(300)))
                .isInstanceOfSatisfying(HypervisorException.class,
                        e -> assertThat(e.error()).isEqualTo(XenError.GUEST_TIMEDOUT));
        assertThat(host.find(spec.vmId()).orElseThrow().state()).isEqualTo(DomainState.RUNNING);
    }

    @Test
    void aCleanRebootBringsTheDomainBackWithANewDomid() {
        DomainManager domains = manager();
        DomainSpec spec = spec(UUID.randomUUID());
        int before = domains.create(null, spec, false).domain().domid();
        DomainInfo after = domains.cleanReboot(null, spec.vmId(), Duration.ofSeconds(5)).domain();

        assertThat(after.domid()).isNotEqualTo(before);
        assertThat(after.state()).isEqualTo(DomainState.RUNNING);
    }

    @Test
    void aGuestThatRebootsByItselfIsRestartedAndOneThatPowersOffIsDestroyed() {
        DomainManager domains = manager();
        DomainSpec rebooting = spec(UUID.randomUUID());
        DomainSpec stopping = spec(UUID.randomUUID());
        int domid = domains.create(null, rebooting, false).domain().domid();
        domains.create(null, stopping, false);

        host.guestShutdown(rebooting.vmId(), ShutdownReason.REBOOT);
        host.guestShutdown(stopping.vmId(), ShutdownReason.POWEROFF);

        await().atMost(Duration.ofSeconds(5)).until(() -> host.find(stopping.vmId()).isEmpty());
        await().atMost(Duration.ofSeconds(5)).until(() ->
                host.find(rebooting.vmId()).map(d -> d.domid() != domid && d.state() == DomainState.RUNNING).orElse(false));
        assertThat(domains.report(UUID.randomUUID()).ended()).extracting(DomainEnded::vmId).containsExactly(stopping.vmId());
    }

    @Test
    void aSuspendedDomainIsRestoredFromItsImageWhichIsThenForgotten() {
        DomainManager domains = manager();
        DomainSpec spec = spec(UUID.randomUUID());
        domains.create(null, spec, false);
        domains.suspend(null, spec.vmId());
        assertThat(domains.holdsImage(spec.vmId())).isTrue();

        DomainResult restored = domains.restore(null, spec, false);
        assertThat(restored.domain().state()).isEqualTo(DomainState.RUNNING);
        assertThat(domains.holdsImage(spec.vmId())).isFalse();
        assertThatThrownBy(() -> domains.restore(null, spec(UUID.randomUUID()), false))
                .isInstanceOfSatisfying(HypervisorException.class, e -> assertThat(e.error()).isEqualTo(XenError.NOTFOUND));
    }

    @Test
    void aDomainMigratesOverHttpToAnotherHostAndTheSourceForgetsIt() throws IOException {
        DomainManager source = manager();
        SimulatedHost otherHost = new SimulatedHost(SimulatorSettings.host(8, 8192), "test");
        DomainManager target = new DomainManager("sim-host-2", otherHost, dir.resolve("images-2"));
        DomainSpec spec = spec(UUID.randomUUID());
        source.create(null, spec, false);
        IncomingMigration incoming = target.prepareIncoming("prep", spec, serve(target));

        DomainResult moved = source.migrateOut("mig", spec.vmId(), incoming.streamUrl(), incoming.ticket(),
                new HttpMigrationSender(JSON));

        assertThat(moved.domain()).isNull();
        assertThat(host.find(spec.vmId())).isEmpty();
        assertThat(otherHost.find(spec.vmId()).orElseThrow().state()).isEqualTo(DomainState.PAUSED);
        assertThat(source.report(UUID.randomUUID()).ended()).extracting(DomainEnded::reason)
                .containsExactly(ShutdownReason.MIGRATED);
    }

    @Test
    void aMigrationTheReceiverRefusesLeavesTheDomainRunningWhereItWas() throws IOException {
        DomainManager source = manager();
        SimulatedHost full = new SimulatedHost(SimulatorSettings.host(1, 256), "test");
        DomainManager target = new DomainManager("sim-host-2", full, dir.resolve("images-2"));
        DomainSpec spec = spec(UUID.randomUUID());
        source.create(null, spec, false);
        IncomingMigration incoming = target.prepareIncoming(null, spec, serve(target));

        assertThatThrownBy(() -> source.migrateOut(null, spec.vmId(), incoming.streamUrl(), incoming.ticket(),
                new HttpMigrationSender(JSON))).isInstanceOf(HypervisorException.class).hasMessageContaining("ERROR_NOMEM");
        assertThat(host.find(spec.vmId()).orElseThrow().state()).isEqualTo(DomainState.RUNNING);
        assertThat(full.find(spec.vmId())).isEmpty();
    }

    @Test
    void aMigrationTicketIsUsableOnceAndOnlyWithItsSecret() {
        DomainManager target = manager();
        DomainSpec spec = spec(UUID.randomUUID());
        IncomingMigration incoming = target.prepareIncoming(null, spec, "http://127.0.0.1:1/x");
        UUID id = UUID.fromString(incoming.streamUrl().substring(incoming.streamUrl().lastIndexOf('/') + 1));
        assertThat(target.receive(id, "xpm_wrong", java.io.InputStream.nullInputStream())).isEmpty();
        assertThat(target.receive(UUID.randomUUID(), incoming.ticket(), java.io.InputStream.nullInputStream())).isEmpty();
    }

    /** A receiving daemon's stream endpoint, as the agent serves it. */
    private String serve(DomainManager target) throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/stream/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
            String ticket = exchange.getRequestHeaders().getFirst("Authorization").substring("Bearer ".length());
            int status;
            byte[] body;
            try {
                Optional<DomainResult> result = target.receive(id, ticket, exchange.getRequestBody());
                status = result.isPresent() ? 200 : 401;
                body = result.isPresent() ? JSON.writeValueAsBytes(result.get()) : new byte[0];
            } catch (HypervisorException e) {
                status = 409;
                body = JSON.writeValueAsBytes(Map.of("code", "HYPERVISOR_ERROR", "detail", e.getMessage()));
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        receiver.start();
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/stream";
    }

    private static DomainSpec spec(UUID vmId) {
        return new DomainSpec(vmId, "guest", DomainType.PV, 256L << 20, 256L << 20, 1, 1, "/boot/vmlinuz", null, null,
                null, Map.of(), List.of(), List.of());
    }
}
