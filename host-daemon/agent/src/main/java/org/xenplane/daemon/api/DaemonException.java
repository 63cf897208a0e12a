package org.xenplane.daemon.api;

import java.util.Map;

/** A refusal of a daemon API call, turned into an RFC 7807 answer by {@link DaemonProblem#response}. */
public class DaemonException extends RuntimeException {
    private final DaemonError error;
    private final Map<String, String> parameters;

    public DaemonException(DaemonError error, Map<String, String> parameters, String detail) {
        super(detail, null, false, false);
        this.error = error;
        this.parameters = Map.copyOf(parameters);
    }

    public DaemonError error() {
        return error;
    }

    public Map<String, String> parameters() {
        return parameters;
    }
}
