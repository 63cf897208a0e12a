package org.xenplane.daemon.ha;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.xenplane.daemon.protocol.ha.HaLease;
import org.xenplane.daemon.protocol.ha.HaPeer;
import org.xenplane.daemon.protocol.ha.HaPeerStatus;

/**
 * Asks every peer of a host for its {@link HaPeerStatus} at once, each within a short timeout. A
 * peer that does not answer in time, answers anything but 200, or answers for another host counts
 * as not reached.
 */
public final class PeerStatusClient {
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    public PeerStatusClient(ObjectMapper json) {
        this.json = json;
    }

    /** Completes within {@code timeout} (plus scheduling) with the statuses of the peers that answered. */
    public CompletableFuture<Map<UUID, HaPeerStatus>> ask(List<HaPeer> peers, String peerToken, Duration timeout) {
        Map<UUID, HaPeerStatus> answered = new ConcurrentHashMap<>();
        CompletableFuture<?>[] asks = peers.stream()
                .map(peer -> one(peer, peerToken, timeout)
                        .thenAccept(status -> status.ifPresent(s -> answered.put(peer.hostId(), s))))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(asks).thenApply(done -> Map.copyOf(answered));
    }

    private CompletableFuture<Optional<HaPeerStatus>> one(HaPeer peer, String peerToken, Duration timeout) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(peer.url() + HaLease.PEER_STATUS))
                    .timeout(timeout)
                    .header("Authorization", "Bearer " + peerToken)
                    .header("Accept", "application/json")
                    .GET().build();
        } catch (IllegalArgumentException | NullPointerException badUrl) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> parse(peer, response))
                .completeOnTimeout(Optional.empty(), timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(failure -> Optional.empty());
    }

    private Optional<HaPeerStatus> parse(HaPeer peer, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            return Optional.empty();
        }
        try {
            HaPeerStatus status = json.readValue(response.body(), HaPeerStatus.class);
            return peer.hostId().equals(status.hostId()) ? Optional.of(status) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
