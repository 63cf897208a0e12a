package org.xenplane.server;

import org.xenplane.testing.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenplane.testing.EmbeddedPostgresResource;

/**
 * The whole path with real processes: the packaged server on an external PostgreSQL given by
 * URL, and the packaged host daemon simulating two hosts that join with join tokens and send
 * heartbeats over HTTP. A client follows the events throughout: the joins, the hosts going
 * silent when the daemon dies, a restart of the server, and the hosts coming back; it sees every
 * change once, in order, and its token stays valid across the restart.
 */
class HostMembershipScenarioIT {

    @TempDir
    Path workDir;

    @Test
    void hostsJoinFallSilentAndComeBackWhileAClientFollowsEveryEventAcrossAServerRestart() throws Exception {
        String url = EmbeddedPostgresResource.freshDatabaseUrl("scenario_membership");
        int port = FreePorts.next();
        int daemonPort = FreePorts.next();
        ServerProcess server = ServerProcess.onExternalDatabase(workDir, port, url).start();
        EventFollower client = new EventFollower(server.api().get("/api/v1/events").then().extract().path("token"));
        String tokens = server.newJoinToken() + "," + server.newJoinToken();

        DaemonProcess daemon = new DaemonProcess(workDir, server.url(), 2, tokens, daemonPort).start();
        client.followUntil(server, "host", seen -> count(seen, "add", null) == 2);
        assertThat(liveHosts(server)).isEqualTo(2);

        daemon.kill();
        client.followUntil(server, "host", seen -> count(seen, "mod", false) == 2);
        assertThat(liveHosts(server)).isZero();

        server.stop();
        server = ServerProcess.onExternalDatabase(workDir, port, url).start();
        try {
            daemon = new DaemonProcess(workDir, server.url(), 2, tokens, daemonPort).start();
            client.followUntil(server, "host", seen -> count(seen, "mod", true) == 2);
            assertThat(liveHosts(server)).isEqualTo(2);
            assertThat(server.api().get("/api/v1/hosts").then().extract().jsonPath().getList("id")).hasSize(2);
        } finally {
            daemon.close();
            server.stop();
        }

        List<Long> ids = client.seen().stream().map(e -> ((Number) e.get("id")).longValue()).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        Set<Object> hosts = client.seen().stream().map(e -> e.get("ref")).collect(Collectors.toSet());
        assertThat(hosts).hasSize(2);
        for (Object host : hosts) {
            List<String> story = client.seen().stream().filter(e -> e.get("ref").equals(host))
                    .map(EventStory::describe).toList();
            assertThat(story).containsExactly("add live", "mod not-live", "mod live");
        }
    }

    private static long count(List<Map<String, Object>> events, String operation, Boolean live) {
        return events.stream().filter(e -> e.get("operation").equals(operation))
                .filter(e -> live == null || live.equals(snapshot(e).get("live"))).count();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> snapshot(Map<String, Object> event) {
        return (Map<String, Object>) event.get("snapshot");
    }

    private static int liveHosts(ServerProcess server) {
        return (int) server.api().get("/api/v1/hosts").then().statusCode(200).extract().jsonPath()
                .getList("live", Boolean.class).stream().filter(Boolean::booleanValue).count();
    }

    private static final class EventStory {
        static String describe(Map<String, Object> event) {
            return event.get("operation") + " " + (Boolean.TRUE.equals(snapshot(event).get("live")) ? "live" : "not-live");
        }
    }
}
