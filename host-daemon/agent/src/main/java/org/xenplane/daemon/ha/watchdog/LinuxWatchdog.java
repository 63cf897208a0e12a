package org.xenplane.daemon.ha.watchdog;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.ptr.IntByReference;
import java.nio.file.Path;
import java.time.Duration;

/**
 * dom0's watchdog device ({@code /dev/watchdog}, the {@code xen_wdt} driver: Xen resets the machine
 * when it expires). Opening arms it, its timeout is set with {@code WDIOC_SETTIMEOUT} (whole
 * seconds, rounded up), each write pets it, and writing {@code V} before closing disarms it (the
 * magic close). Closing without {@code V} leaves it running: the host is reset unless a new daemon
 * opens and pets it in time.
 */
public final class LinuxWatchdog implements Watchdog {
    private static final int O_WRONLY = 1;
    /** {@code _IOWR('W', 6, int)}. */
    private static final long WDIOC_SETTIMEOUT = 0xC0045706L;
    private static final byte[] PET = {'p'};
    private static final byte[] MAGIC_CLOSE = {'V'};

    interface LibC extends Library {
        int open(String path, int flags);

        NativeLong write(int fd, byte[] buffer, NativeLong count);

        int ioctl(int fd, NativeLong request, IntByReference argument);

        int close(int fd);
    }

    private final Path device;
    private final Duration timeout;
    private LibC libc;
    private int fd = -1;
    private int timeoutSeconds;

    public LinuxWatchdog(Path device, Duration timeout) {
        this.device = device;
        this.timeout = timeout;
    }

    @Override
    public synchronized void arm() {
        if (fd >= 0) {
            return;
        }
        if (libc == null) {
            libc = Native.load("c", LibC.class);
        }
        int opened = libc.open(device.toString(), O_WRONLY);
        if (opened < 0) {
            throw new IllegalStateException("cannot open the watchdog " + device + " (errno " + Native.getLastError() + ")");
        }
        fd = opened;
        timeoutSeconds = 0;
        pet(timeout);
    }

    @Override
    public synchronized void pet(Duration fireAfter) {
        if (fd < 0) {
            return;
        }
        setTimeout(fireAfter);
        if (libc.write(fd, PET, new NativeLong(1)).longValue() != 1) {
            throw new IllegalStateException("cannot pet the watchdog " + device + " (errno " + Native.getLastError() + ")");
        }
    }

    @Override
    public synchronized void disarm() {
        if (fd >= 0) {
            libc.write(fd, MAGIC_CLOSE, new NativeLong(1));
            libc.close(fd);
            fd = -1;
        }
    }

    @Override
    public synchronized void release(Duration fireAfter) {
        if (fd >= 0) {
            pet(fireAfter);
            libc.close(fd); // no magic close: it keeps counting
            fd = -1;
        }
    }

    private void setTimeout(Duration value) {
        int seconds = (int) Math.max(1, (value.toMillis() + 999) / 1000);
        if (seconds == timeoutSeconds) {
            return;
        }
        timeoutSeconds = seconds;
        if (libc.ioctl(fd, new NativeLong(WDIOC_SETTIMEOUT), new IntByReference(seconds)) < 0) {
            throw new IllegalStateException("cannot set the watchdog's timeout to " + seconds + " s on " + device
                    + " (errno " + Native.getLastError() + ")");
        }
    }
}
