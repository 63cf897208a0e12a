package org.xenplane.core.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.daemon.protocol.WireError;

/**
 * How the control plane reports a daemon's answer that is not a success: the one error mapping of
 * the link. A code of the daemon's catalog ({@link WireError}) becomes the control-plane
 * {@link ErrorCode} of the same name ({@link #controlPlaneCode}), by its {@link WireError.Reach}:
 * client errors pass on with the host named by its id, host errors name the host first, and
 * faults of the link itself are {@code HOST_DAEMON_ERROR}. Anything else is
 * {@code HOST_DAEMON_ERROR} too, but a bare 503 (a proxy in front of a daemon that is gone) is
 * {@code HOST_OFFLINE}.
 */
public final class WireErrors {
    private WireErrors() {
    }

    /** The control-plane code a wire code is reported as. */
    public static ErrorCode controlPlaneCode(WireError error) {
        return switch (error.reach()) {
            case CLIENT, HOST -> ErrorCode.valueOf(error.name());
            case LINK -> ErrorCode.HOST_DAEMON_ERROR;
        };
    }

    /** The error for a daemon's answer with {@code status} and (when it is one) its problem document. */
    public static XenplaneException toException(UUID hostId, int status, JsonNode problem) {
        String code = problem.path("code").asText("");
        Map<String, String> parameters = new LinkedHashMap<>();
        problem.path("parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
        WireError wire = WireError.named(code).orElse(null);
        if (wire == null || !parameters.keySet().equals(java.util.Set.copyOf(wire.parameterNames()))) {
            return status == 503 && code.isEmpty() ? new XenplaneException(ErrorCode.HOST_OFFLINE, hostId)
                    : linkFault(hostId, status, code, problem);
        }
        return switch (wire.reach()) {
            case CLIENT -> {
                parameters.computeIfPresent(WireError.HOST_PARAMETER, (k, v) -> hostId.toString());
                yield XenplaneException.fromRecord(controlPlaneCode(wire), parameters);
            }
            case HOST -> {
                Map<String, String> named = new LinkedHashMap<>();
                named.put(WireError.HOST_PARAMETER, hostId.toString());
                named.putAll(parameters);
                yield XenplaneException.fromRecord(controlPlaneCode(wire), named);
            }
            case LINK -> linkFault(hostId, status, code, problem);
        };
    }

    private static XenplaneException linkFault(UUID hostId, int status, String code, JsonNode problem) {
        JsonNode detail = problem.path("detail");
        return new XenplaneException(ErrorCode.HOST_DAEMON_ERROR, hostId,
                "HTTP " + status + (code.isEmpty() ? "" : " " + code) + (detail.isTextual() ? ": " + detail.asText() : ""));
    }
}
