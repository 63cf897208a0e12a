package org.xenplane.daemon.driver.libxl;

import com.sun.jna.Pointer;
import org.xenplane.daemon.driver.HypervisorException;
import org.xenplane.daemon.driver.XenError;

/** The one place where libxl's return codes become typed exceptions, and where its strings are freed. */
final class LibxlCalls {
    private final LibC libc;

    LibxlCalls(LibC libc) {
        this.libc = libc;
    }

    /**
     * Passes a libxl return code: 0 (or more) is success, a negative one is a {@code libxl_error}
     * and becomes a {@link HypervisorException} naming the C function.
     */
    static int check(int rc, String function) {
        if (rc < 0) {
            throw new HypervisorException(XenError.fromCode(rc), function, "returned " + rc);
        }
        return rc;
    }

    /** Reads a {@code char *} that libxl allocated for the caller and frees it; null when it returned NULL. */
    String takeString(Pointer p) {
        if (p == null) {
            return null;
        }
        try {
            return p.getString(0, "UTF-8");
        } finally {
            libc.free(p);
        }
    }
}
