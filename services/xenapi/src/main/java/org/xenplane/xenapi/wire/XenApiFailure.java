package org.xenplane.xenapi.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * A XenAPI failure: the error description XAPI answers, an error code followed by its parameters
 * as strings ({@code ["HANDLE_INVALID", "VM", "OpaqueRef:..."]}). Every transport answers it in
 * its own form; it never carries a stack trace to the client.
 */
public class XenApiFailure extends RuntimeException {
    private final List<String> description;

    public XenApiFailure(String code, Object... parameters) {
        super(code, null, false, false);
        List<String> all = new ArrayList<>();
        all.add(code);
        for (Object p : parameters) {
            all.add(p == null ? "" : p.toString());
        }
        this.description = List.copyOf(all);
    }

    public XenApiFailure(List<String> description) {
        super(description.get(0), null, false, false);
        this.description = List.copyOf(description);
    }

    public String code() {
        return description.get(0);
    }

    public List<String> description() {
        return description;
    }

    /** A call the transport could not read: XAPI answers these as an internal error naming the problem. */
    public static XenApiFailure malformed(String why) {
        return new XenApiFailure("INTERNAL_ERROR", "malformed request: " + why);
    }
}
