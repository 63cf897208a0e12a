package org.xenplane.daemon.link;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.xenplane.daemon.protocol.JoinResponse;

/** The membership of every local host, by local key; read by the REST API, heartbeats and health. */
@ApplicationScoped
public class Memberships {
    private final ConcurrentMap<String, Membership> byKey = new ConcurrentHashMap<>();

    public void set(String key, Membership membership) {
        byKey.put(key, membership);
    }

    /** The host's membership; a host nobody has started yet counts as {@link MembershipState#JOINING}. */
    public Membership of(String key) {
        return byKey.getOrDefault(key, Membership.of(MembershipState.JOINING));
    }

    public Optional<JoinResponse> identity(String key) {
        return Optional.ofNullable(of(key).identity());
    }

    /** Every host's state, sorted by key. */
    public Map<String, MembershipState> states() {
        Map<String, MembershipState> states = new TreeMap<>();
        byKey.forEach((key, m) -> states.put(key, m.state()));
        return states;
    }
}
