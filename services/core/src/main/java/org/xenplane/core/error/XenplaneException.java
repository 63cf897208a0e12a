package org.xenplane.core.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The typed failure of an operation: an {@link ErrorCode} and its named parameters. Thrown
 * anywhere in a service; the REST layer turns it into an RFC 7807 problem, and a task that
 * fails with it records the code and parameters.
 */
public class XenplaneException extends RuntimeException {
    private final ErrorCode code;
    private final Map<String, String> parameters;

    public XenplaneException(ErrorCode code, Object... values) {
        this(code, null, values);
    }

    public XenplaneException(ErrorCode code, Throwable cause, Object... values) {
        super(code.name(), cause);
        this.code = code;
        this.parameters = bind(code, values);
    }

    private XenplaneException(ErrorCode code, Map<String, String> parameters) {
        super(code.name());
        this.code = code;
        this.parameters = parameters;
    }

    /** Rebuilds an error from its recorded form (a failed task replayed under its idempotency key). */
    public static XenplaneException fromRecord(ErrorCode code, Map<String, String> parameters) {
        return new XenplaneException(code, Collections.unmodifiableMap(new LinkedHashMap<>(parameters)));
    }

    private static Map<String, String> bind(ErrorCode code, Object[] values) {
        if (values.length != code.parameterNames().size()) {
            throw new IllegalArgumentException(code + " takes parameters " + code.parameterNames()
                    + " but was given " + values.length + " values");
        }
        Map<String, String> bound = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            bound.put(code.parameterNames().get(i), Objects.toString(values[i], ""));
        }
        return Collections.unmodifiableMap(bound);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public String getMessage() {
        return code.name() + (parameters.isEmpty() ? "" : " " + parameters);
    }
}
