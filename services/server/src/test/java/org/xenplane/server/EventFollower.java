package org.xenplane.server;

import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A client following {@code /api/v1/events} with its token, as XenAPI clients follow event.from. */
final class EventFollower {
    private final List<Map<String, Object>> seen = new ArrayList<>();
    private String token;

    EventFollower(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }

    List<Map<String, Object>> seen() {
        return seen;
    }

    /** Follows the stream of {@code server} until the events seen so far satisfy {@code done}. */
    void followUntil(ServerProcess server, String classes, Predicate<List<Map<String, Object>>> done) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> {
            JsonPath batch = server.api().get("/api/v1/events?from=" + token + "&classes=" + classes + "&timeout=5")
                    .then().statusCode(200).extract().jsonPath();
            seen.addAll(batch.getList("events"));
            token = batch.getString("token");
            return done.test(seen);
        });
    }
}
