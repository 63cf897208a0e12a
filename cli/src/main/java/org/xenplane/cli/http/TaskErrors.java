package org.xenplane.cli.http;

import java.util.Set;
import org.xenplane.cli.ExitCode;

/** The exit code for a failed task's error code: a task carries no HTTP status, so its code decides. */
final class TaskErrors {
    private static final Set<String> CONFLICTS = Set.of("VM_BAD_POWER_STATE", "OTHER_OPERATION_IN_PROGRESS",
            "OPERATION_NOT_ALLOWED", "HOST_NOT_ENOUGH_FREE_MEMORY", "NO_HOSTS_AVAILABLE", "HOST_DISABLED",
            "HOST_NOT_LIVE", "VDI_IN_USE", "SR_FULL", "SR_NOT_ATTACHED", "HOST_CANNOT_ATTACH_NETWORK",
            "VM_SHUTDOWN_TIMEOUT", "VM_REBOOT_TIMEOUT", "VM_IS_TEMPLATE", "VM_IS_SNAPSHOT", "DEVICE_BUSY");

    private TaskErrors() {
    }

    static ExitCode exitCode(String code) {
        if ("HANDLE_INVALID".equals(code)) {
            return ExitCode.NOT_FOUND;
        }
        if ("RBAC_PERMISSION_DENIED".equals(code)) {
            return ExitCode.PERMISSION;
        }
        return CONFLICTS.contains(code) ? ExitCode.CONFLICT : ExitCode.SERVER;
    }
}
