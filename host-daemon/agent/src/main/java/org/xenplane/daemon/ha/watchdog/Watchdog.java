package org.xenplane.daemon.ha.watchdog;

import java.time.Duration;

/**
 * A host's hardware-style watchdog: once armed, it resets the host unless petted in time. The
 * daemon pets it only while the host is safe (valid lease, keep-running verdict, or fenced), each
 * pet giving it until the lease ends (at least the configured timeout), so a daemon that hangs,
 * freezes or cannot decide in time is reset before the control plane may restart its VMs
 * elsewhere (its lease end + the safety margin), while a daemon killed and restarted within its
 * lease keeps the host.
 */
public interface Watchdog {
    /** Arms the watchdog (idempotent); a fresh daemon takes over one a previous daemon left armed. */
    void arm();

    /** Restarts the countdown: the host is reset {@code fireAfter} from now unless petted again. */
    void pet(Duration fireAfter);

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
        public void pet(Duration fireAfter) {
        }

        @Override
        public void disarm() {
        }

        @Override
        public void release(Duration fireAfter) {
        }
    };
}
