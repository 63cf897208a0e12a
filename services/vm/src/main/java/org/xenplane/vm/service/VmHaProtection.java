package org.xenplane.vm.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.ha.HaVms.HaVm;
import org.xenplane.core.task.TaskRequest;
import org.xenplane.core.task.TaskResult;
import org.xenplane.core.task.TaskRunner;
import org.xenplane.core.task.TaskView;
import org.xenplane.vm.model.Vm;

/**
 * {@code vm.set_ha}: a VM's HA protection (XenAPI {@code ha_restart_priority}, {@code order},
 * {@code start_delay}), read by the ha service through core's {@code HaVms}. Changes no domain, so
 * it is allowed in every power state; a {@code vm mod} event carries the new settings. Making a
 * running VM {@code restart} is refused when HA's failover plan could not restart it too.
 */
@ApplicationScoped
public class VmHaProtection {
    /** The most a start delay may be (an hour: longer holds a failover back for no use). */
    static final int MAX_START_DELAY_SECONDS = 3600;

    private final TaskRunner tasks;
    private final VmTransactions store;
    private final VmViews views;
    private final FailoverPlanGuard plan;

    public VmHaProtection(TaskRunner tasks, VmTransactions store, VmViews views, FailoverPlanGuard plan) {
        this.tasks = tasks;
        this.store = store;
        this.views = views;
        this.plan = plan;
    }

    /**
     * @param priority {@code restart}, {@code best-effort}, or null or empty: not protected
     * @throws XenplaneException {@code INVALID_FIELD} for another priority or a delay out of 0..3600
     */
    public TaskView set(UUID id, String priority, int order, int startDelaySeconds, String caller, String key) {
        String checked = priority(priority);
        if (startDelaySeconds < 0 || startDelaySeconds > MAX_START_DELAY_SECONDS) {
            throw new XenplaneException(ErrorCode.INVALID_FIELD, "startDelaySeconds",
                    "must be 0 to " + MAX_START_DELAY_SECONDS + " seconds, not " + startDelaySeconds);
        }
        return tasks.run(new TaskRequest(VmOperation.SET_HA, Vm.CLASS, id, key), caller, context -> {
            QuarkusTransaction.requiringNew().run(() -> {
                Vm vm = store.lockIfAllowed(id, VmOperation.SET_HA);
                if (vm.residentOn != null && !HaVm.RESTART.equals(vm.haRestartPriority) && HaVm.RESTART.equals(checked)) {
                    // a running VM now to be restarted elsewhere: the plan must find it room
                    plan.forPlacement(vm, checked).assertAllows(vm.residentOn, vm.memoryReserved);
                }
                vm.haRestartPriority = checked;
                vm.haOrder = order;
                vm.haStartDelaySeconds = startDelaySeconds;
                views.publish(EventOperation.MOD, vm);
                context.succeedInCurrentTransaction(TaskResult.of(Vm.CLASS, id));
            });
            return TaskResult.of(Vm.CLASS, id);
        });
    }

    private static String priority(String priority) {
        if (priority == null || priority.isEmpty()) {
            return null;
        }
        if (!priority.equals(HaVm.RESTART) && !priority.equals(HaVm.BEST_EFFORT)) {
            throw new XenplaneException(ErrorCode.INVALID_FIELD, "restartPriority",
                    "must be \"restart\", \"best-effort\" or empty (not protected)");
        }
        return priority;
    }
}
