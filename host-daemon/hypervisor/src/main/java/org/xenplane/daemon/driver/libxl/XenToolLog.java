package org.xenplane.daemon.driver.libxl;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/** The two functions of libxentoollog that give libxl a logger, by their C names. */
public interface XenToolLog extends Library {
    /** {@code XTL_ERROR} of {@code xentoollog_level}. */
    int XTL_ERROR = 8;
    /** {@code XTL_WARN}. */
    int XTL_WARN = 7;

    XtlLogger xtl_createlogger_stdiostream(Pointer file, int minLevel, int flags);

    void xtl_logger_destroy(XtlLogger logger);
}
