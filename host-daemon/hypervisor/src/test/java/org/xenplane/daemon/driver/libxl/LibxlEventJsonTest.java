package org.xenplane.daemon.driver.libxl;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import org.junit.jupiter.api.Test;
import org.xenplane.daemon.protocol.ShutdownReason;

/**
 * The driver reads domain events as libxl writes them ({@code libxl_event_to_json}): libxl leaves
 * out fields that hold their default, so a power-off (shutdown reason 0) comes as an empty
 * {@code "type.domain_shutdown": {}}. On real Xen the driver once read that as an unknown reason.
 * The events are built in memory as Xen 4.17's {@code libxl_event} (domid at 16, type at 48, the
 * union at 56; test-only knowledge of the layout).
 */
class LibxlEventJsonTest {
    private static final int DOMAIN_SHUTDOWN = 1;
    private static final int DOMAIN_DEATH = 2;

    @Test
    void aPoweroffARebootAndADeathAreReadAsLibxlWritesThem() {
        LibxlLibraries libraries = LibxlTestSupport.librariesOrSkip();
        LibxlCalls calls = new LibxlCalls(libraries.libc);

        String poweroff = calls.takeString(libraries.libxl.libxl_event_to_json(null, event(7, DOMAIN_SHUTDOWN, 0)));
        String reboot = calls.takeString(libraries.libxl.libxl_event_to_json(null, event(7, DOMAIN_SHUTDOWN, 1)));
        String death = calls.takeString(libraries.libxl.libxl_event_to_json(null, event(7, DOMAIN_DEATH, 0)));

        assertThat(poweroff).doesNotContain("shutdown_reason");
        assertThat(DominfoJson.shutdownReason(poweroff)).isZero();
        assertThat(DominfoJson.shutdownReason(reboot)).isEqualTo(1);
        assertThat(DominfoJson.eventDomid(reboot)).isEqualTo(7);
        assertThat(DominfoJson.shutdownReason(death)).isEqualTo(-2);
        assertThat(DominfoJson.isDeath(death)).isTrue();
        assertThat(DominfoJson.isDeath(poweroff)).isFalse();
    }

    /** {@code libxl_dominfo}: shutdown at 35, shutdown_reason at 40 (Xen 4.17; test-only knowledge of the layout). */
    @Test
    void aShutDownDomainsReasonIsReadFromItsDominfoAsLibxlWritesIt() {
        LibxlLibraries libraries = LibxlTestSupport.librariesOrSkip();
        LibxlCalls calls = new LibxlCalls(libraries.libc);
        Memory info = new Memory(LibxlAbi.SPARE);
        info.clear();
        libraries.libxl.libxl_dominfo_init(info);
        info.setByte(35, (byte) 1);
        String unknown = calls.takeString(libraries.libxl.libxl_dominfo_to_json(null, info));
        info.setInt(40, 0);
        String poweroff = calls.takeString(libraries.libxl.libxl_dominfo_to_json(null, info));
        info.setInt(40, 1);
        String reboot = calls.takeString(libraries.libxl.libxl_dominfo_to_json(null, info));
        info.setInt(40, 3);
        String crash = calls.takeString(libraries.libxl.libxl_dominfo_to_json(null, info));

        assertThat(unknown).doesNotContain("shutdown_reason");
        assertThat(DominfoJson.dominfoShutdownReason(unknown)).isEqualTo(ShutdownReason.UNKNOWN);
        assertThat(DominfoJson.dominfoShutdownReason(poweroff)).isEqualTo(ShutdownReason.POWEROFF);
        assertThat(DominfoJson.dominfoShutdownReason(reboot)).isEqualTo(ShutdownReason.REBOOT);
        assertThat(DominfoJson.dominfoShutdownReason(crash)).isEqualTo(ShutdownReason.CRASH);
    }

    private static Memory event(int domid, int type, int reason) {
        Memory event = new Memory(256);
        event.clear();
        event.setInt(16, domid);
        event.setInt(48, type);
        event.setByte(56, (byte) reason);
        return event;
    }
}
