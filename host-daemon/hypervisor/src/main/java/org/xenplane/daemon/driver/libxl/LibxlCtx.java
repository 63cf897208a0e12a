package org.xenplane.daemon.driver.libxl;

import com.sun.jna.Pointer;
import com.sun.jna.PointerType;

/** A {@code libxl_ctx *}: opaque, owned by {@link LibxlDriver}, freed with {@code libxl_ctx_free}. */
public final class LibxlCtx extends PointerType {
    public LibxlCtx() {
    }

    public LibxlCtx(Pointer p) {
        super(p);
    }
}
