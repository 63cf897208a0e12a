package org.xenplane.core.vm;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.UUID;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.task.TaskContext;

/**
 * What the pool service needs of the VM service to evacuate a host ({@code host.evacuate}): live-migrate
 * every VM running there to other hosts, inside the pool's task. The VM service implements it in
 * process; a process without it (the pool service on its own) refuses: it cannot move VMs.
 */
public interface HostEvacuation {

    /**
     * Migrates the host's running and paused VMs away one by one, reporting progress on the task.
     *
     * @throws XenplaneException {@code CANNOT_EVACUATE_HOST} naming the first VM that could not
     *                           leave and why; the VMs moved before it stay where they went
     */
    void evacuate(UUID hostId, String caller, TaskContext context);

    /** The default of a process without the VM service. */
    @ApplicationScoped
    class Producer {
        @Produces
        @DefaultBean
        @ApplicationScoped
        HostEvacuation noVmService() {
            return (hostId, caller, context) -> {
                throw new XenplaneException(ErrorCode.OPERATION_NOT_ALLOWED, "host.evacuate",
                        "the VM service is not in this process, so it cannot move VMs");
            };
        }
    }
}
