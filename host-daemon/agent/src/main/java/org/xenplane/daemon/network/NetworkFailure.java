package org.xenplane.daemon.network;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A network operation refused or failed, with its typed error; the driver has undone its partial work. */
public class NetworkFailure extends RuntimeException {
    private final NetworkError error;
    private final Map<String, String> parameters;

    public NetworkFailure(NetworkError error, Object... values) {
        super(error.name(), null, false, false);
        if (values.length != error.parameterNames().size()) {
            throw new IllegalArgumentException(error + " takes " + error.parameterNames());
        }
        Map<String, String> bound = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            bound.put(error.parameterNames().get(i), Objects.toString(values[i], ""));
        }
        this.error = error;
        this.parameters = Collections.unmodifiableMap(bound);
    }

    public NetworkError error() {
        return error;
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public String getMessage() {
        return error.name() + " " + parameters;
    }
}
