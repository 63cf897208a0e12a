package org.xenplane.daemon.network.linux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.xenplane.daemon.network.NetworkFailure;
import org.xenplane.daemon.network.Shell;
import org.xenplane.daemon.protocol.WireError;

/**
 * A DHCP client per device: busybox's udhcpc, run in the host's namespace with a script of ours
 * that only sets the device's address and default route (it never writes resolv.conf). It stays
 * running to renew the lease, with a pid file per device; a device's next configuration stops it.
 */
final class Dhcp {
    private static final String SCRIPT = """
            #!/bin/sh
            # Written by the Xenplane host daemon: udhcpc calls it with the lease in its environment.
            case "$1" in
              deconfig) ip -4 addr flush dev "$interface" scope global ;;
              bound|renew)
                ip -4 addr flush dev "$interface" scope global
                ip addr add "$ip/${mask:-24}" dev "$interface"
                for r in $router; do ip route replace default via "$r" dev "$interface"; break; done ;;
            esac
            exit 0
            """;

    private final Shell shell;
    private final Path runDir;

    Dhcp(Shell shell, Path runDir) {
        this.shell = shell;
        this.runDir = runDir;
    }

    private Path pidFile(String device) {
        return runDir.resolve("udhcpc-" + shell.host() + "-" + device + ".pid");
    }

    /** Starts the client and waits for its first lease (about five seconds at most). */
    void start(String device) {
        if (!Files.isExecutable(Path.of("/bin/busybox")) && !Files.isExecutable(Path.of("/usr/bin/busybox"))) {
            throw new NetworkFailure(WireError.NETWORK_BACKEND_FAILURE, shell.host(),
                    "DHCP needs busybox's udhcpc, and busybox is not installed");
        }
        Path script = script();
        int exit = shell.runDetached("busybox", "udhcpc", "-i", device, "-s", script.toString(),
                "-p", pidFile(device).toString(), "-n", "-t", "5", "-T", "1", "-R");
        if (exit != 0) {
            throw new NetworkFailure(WireError.NETWORK_BACKEND_FAILURE, shell.host(),
                    "no DHCP lease on " + device + " within 5 tries");
        }
    }

    /** Stops the device's client, if one runs (releasing its lease). */
    void stop(String device) {
        Path pid = pidFile(device);
        try {
            if (Files.exists(pid)) {
                String id = Files.readString(pid).strip();
                if (id.matches("[0-9]+")) {
                    ProcessHandle.of(Long.parseLong(id)).ifPresent(ProcessHandle::destroy);
                }
                Files.deleteIfExists(pid);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path script() {
        try {
            Files.createDirectories(runDir);
            Path script = runDir.resolve("udhcpc.script");
            if (!Files.exists(script) || !Files.readString(script).equals(SCRIPT)) {
                Path temporary = Files.createTempFile(runDir, "udhcpc", ".tmp");
                Files.writeString(temporary, SCRIPT);
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rwxr-xr-x"));
                Files.move(temporary, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return script;
        } catch (IOException e) {
            throw new NetworkFailure(WireError.NETWORK_BACKEND_FAILURE, shell.host(), "cannot write the DHCP script in "
                    + runDir + ": " + e.getMessage());
        }
    }
}
