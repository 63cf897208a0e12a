package org.xenplane.daemon.ha.watchdog;

import java.time.Duration;

/**
 * A host's hardware-style watchdog: once armed, it resets the host unless petted within its
 * timeout. The daemon pets it only while the host is safe (valid lease, keep-running verdict, or
 * fenced), so a daemon that hangs, freezes or cannot decide in time is reset before the control
 * plane may restart its VMs elsewhere.
 */
public interface Watchdog {
    /** Arms the watchdog (idempotent); a fresh daemon takes over one a previous daemon left armed. */
    void arm();

    /** Restarts the countdown. */
    void pet();

    /** Disarms it (the magic close): HA is off. */
    void disarm();

    /**
     * The daemon stops while HA is on: the watchdog stays armed and fires {@code fireAfter} from now
     * unless a new daemon pets it (a restart within the lease keeps the host).
     */
    void release(Duration fireAfter);

    /** No watchdog (HA off, or {@code xenplane.daemon.ha.watchdog=none}). */
    Watchdog NONE = new Watchdog() {
        @Override
        public void arm() {
        }

        @Override
        public void pet() {
        }

        @Override
        public void disarm() {
        }

        @Override
        public void release(Duration fireAfter) {
        }
    };
}
