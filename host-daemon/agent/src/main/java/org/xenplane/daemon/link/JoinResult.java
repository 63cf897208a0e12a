package org.xenplane.daemon.link;

import org.xenplane.daemon.protocol.JoinResponse;

/** How a join attempt ended: joined, refused for good, or worth retrying later. */
public sealed interface JoinResult {

    /** The control plane accepted the token: the host's identity. */
    record Joined(JoinResponse identity) implements JoinResult {
    }

    /** The control plane said no (e.g. {@code HTTP 401 JOIN_TOKEN_INVALID}); retrying cannot help. */
    record Refused(String reason) implements JoinResult {
    }

    /** The control plane could not be reached or was not ready (connection refused, 5xx): retry. */
    record Unavailable(String reason) implements JoinResult {
    }
}
