package org.xenplane.core.rest;

import java.util.UUID;
import java.util.regex.Pattern;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;

/** Public ids are UUIDs (like XenAPI uuids); this parses one from a path or query parameter. */
public final class Ids {
    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    /** @throws XenplaneException {@code UUID_INVALID} naming the class when the text is not a UUID */
    public static UUID parse(String objectClass, String raw) {
        if (raw == null || raw.length() != 36 || !UUID_FORM.matcher(raw).matches()) {
            throw new XenplaneException(ErrorCode.UUID_INVALID, objectClass, abbreviate(raw));
        }
        return UUID.fromString(raw);
    }

    private static String abbreviate(String raw) {
        if (raw == null) {
            return "";
        }
        return raw.length() <= 64 ? raw : raw.substring(0, 64) + "...";
    }
}
