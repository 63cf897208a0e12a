package org.xenplane.daemon.driver.libxl;

import com.sun.jna.Pointer;
import com.sun.jna.PointerType;

/** A {@code xentoollog_logger *}: libxl's logger, opaque. */
public final class XtlLogger extends PointerType {
    public XtlLogger() {
    }

    public XtlLogger(Pointer p) {
        super(p);
    }
}
