package org.xenplane.daemon.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xenplane.daemon.protocol.WireError;

/** A refusal of a daemon API call, turned into an RFC 7807 answer by {@link DaemonProblem#response}. */
public class DaemonException extends RuntimeException {
    private final WireError error;
    private final Map<String, String> parameters;

    public DaemonException(WireError error, Map<String, String> parameters, String detail) {
        super(detail, null, false, false);
        this.error = error;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public WireError error() {
        return error;
    }

    public Map<String, String> parameters() {
        return parameters;
    }
}
