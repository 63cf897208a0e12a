package org.xenplane.daemon.driver.libxl;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/** The two functions of libxentoollog that give libxl a logger, by their C names. */
public interface XenToolLog extends Library {
    /** {@code XTL_ERROR} of {@code xentoollog_level}. */
    int XTL_ERROR = 8;
    /** {@code XTL_WARN}. */
    int XTL_WARN = 7;
    /** {@code XTL_STDIOSTREAM_SHOW_DATE}: each line starts with its time. */
    int XTL_STDIOSTREAM_SHOW_DATE = 2;
    /** The levels by their names in {@code xentoollog.h}, lowest first: debug is 1, critical 9. */
    java.util.List<String> LEVELS = java.util.List.of("debug", "verbose", "detail", "progress", "info", "notice", "warn",
            "error", "critical");

    /**
     * The level named by {@code XENPLANE_LIBXL_LOG} (e.g. {@code debug} to see every step libxl
     * takes), or {@link #XTL_WARN} when it is unset or unknown.
     */
    static int levelFromEnvironment() {
        String name = System.getenv("XENPLANE_LIBXL_LOG");
        int index = name == null ? -1 : LEVELS.indexOf(name.trim().toLowerCase(java.util.Locale.ROOT));
        return index < 0 ? XTL_WARN : index + 1;
    }

    XtlLogger xtl_createlogger_stdiostream(Pointer file, int minLevel, int flags);

    void xtl_logger_destroy(XtlLogger logger);
}
