package org.xenplane.xenapi.service;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.xenplane.xenapi.wire.XenApiFailure;

/**
 * XenAPI references: {@code OpaqueRef:<uuid>}, stable for an object's life and distinct from its
 * {@code uuid} field as in XAPI. The ref's uuid is the object's id XOR a mask named after its
 * class, so it is computed, never stored, maps back to the id, and a ref of one class is not a
 * valid ref of another (it maps to an id that does not exist).
 */
public final class Refs {
    public static final String PREFIX = "OpaqueRef:";
    public static final String NULL = "OpaqueRef:NULL";

    private Refs() {
    }

    public static String of(String xenClass, UUID id) {
        return id == null ? NULL : PREFIX + flip(xenClass, id);
    }

    /** The id of {@code ref}, which must be a ref of {@code xenClass}'s form; else HANDLE_INVALID [class, ref]. */
    public static UUID id(String xenClass, Object ref) {
        String text = ref instanceof String s ? s : String.valueOf(ref);
        if (!text.startsWith(PREFIX)) {
            throw new XenApiFailure("HANDLE_INVALID", xenClass, text);
        }
        try {
            return flip(xenClass, UUID.fromString(text.substring(PREFIX.length())));
        } catch (IllegalArgumentException e) {
            throw new XenApiFailure("HANDLE_INVALID", xenClass, text);
        }
    }

    private static UUID flip(String xenClass, UUID id) {
        UUID mask = UUID.nameUUIDFromBytes(("xenplane-xenapi-ref:" + xenClass).getBytes(StandardCharsets.UTF_8));
        return new UUID(id.getMostSignificantBits() ^ mask.getMostSignificantBits(),
                id.getLeastSignificantBits() ^ mask.getLeastSignificantBits());
    }
}
