package org.xenplane.core.rest;

import java.util.regex.Pattern;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;

/** Validates a client's {@code Idempotency-Key} header: 1..128 visible ASCII characters, or absent. */
public final class IdempotencyKeys {
    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7e]{1,128}");

    private IdempotencyKeys() {
    }

    public static String validate(String key) {
        if (key == null) {
            return null;
        }
        if (!VALID.matcher(key).matches()) {
            throw new XenplaneException(ErrorCode.INVALID_PARAMETER, HEADER, "1..128 visible ASCII characters");
        }
        return key;
    }
}
