package org.xenplane.daemon.network;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.xenplane.daemon.api.DaemonException;
import org.xenplane.daemon.protocol.WireError;

/**
 * A network operation refused or failed, with its wire error and the values of its parameters in
 * the catalog's order; the driver has undone its partial work.
 */
public class NetworkFailure extends DaemonException {

    public NetworkFailure(WireError error, Object... values) {
        super(error, bind(error, values), null);
    }

    private static Map<String, String> bind(WireError error, Object... values) {
        if (values.length != error.parameterNames().size()) {
            throw new IllegalArgumentException(error + " takes " + error.parameterNames());
        }
        Map<String, String> bound = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            bound.put(error.parameterNames().get(i), Objects.toString(values[i], ""));
        }
        return bound;
    }

    @Override
    public String getMessage() {
        return error().name() + " " + parameters();
    }
}
