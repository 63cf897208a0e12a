package org.xenplane.daemon.driver.libxl;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads libxenlight, libxentoollog and the C library, or says in one line what is missing. The
 * exact sonames are loaded because the opaque struct sizes ({@link LibxlAbi}) belong to Xen 4.17.
 */
public final class LibxlLibraries {
    /** The privileged command interface: present only in a Xen dom0 with xen-privcmd loaded. */
    public static final Path PRIVCMD = Path.of("/dev/xen/privcmd");

    final Libxl libxl;
    final XenToolLog toolLog;
    final LibC libc;

    private LibxlLibraries(Libxl libxl, XenToolLog toolLog, LibC libc) {
        this.libxl = libxl;
        this.toolLog = toolLog;
        this.libc = libc;
    }

    /** The libraries, without a hypervisor: enough for the JSON functions and error strings. */
    public static LibxlLibraries load() {
        try {
            return new LibxlLibraries(Native.load(LibxlAbi.LIBRARY, Libxl.class),
                    Native.load(LibxlAbi.TOOLLOG_LIBRARY, XenToolLog.class), Native.load("c", LibC.class));
        } catch (UnsatisfiedLinkError e) {
            throw new LibxlUnavailableException(LibxlAbi.LIBRARY + " cannot be loaded (install Debian's libxenmisc4.17,"
                    + " Xen 4.17's toolstack library): " + firstLine(e.getMessage()));
        }
    }

    /** Checks that this machine can run domains: a Xen dom0 with the privileged command interface. */
    public static void requireDom0() {
        if (!Files.exists(PRIVCMD)) {
            throw new LibxlUnavailableException(PRIVCMD + " is missing: this machine is not a Xen dom0"
                    + " (or the xen-privcmd module is not loaded), so the libxl driver cannot run domains;"
                    + " use xenplane.daemon.driver=simulator off Xen");
        }
    }

    /** The C library's {@code stderr} ({@code FILE *}), for libxl's logger. */
    Pointer stderr() {
        return NativeLibrary.getInstance("c").getGlobalVariableAddress("stderr").getPointer(0);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "not found";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
