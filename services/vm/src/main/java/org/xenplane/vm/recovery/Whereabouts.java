package org.xenplane.vm.recovery;

import java.util.UUID;
import org.xenplane.daemon.protocol.DomainInfo;
import org.xenplane.daemon.protocol.DomainState;
import org.xenplane.vm.model.PowerState;
import org.xenplane.vm.model.Vm;
import org.xenplane.vm.service.VmOperation;

/**
 * Where an interrupted operation left the VM, decided from what its hosts say: running (or paused)
 * on one host, suspended on one, halted, or as recorded (its host is not live: nothing can tell).
 *
 * @param host      the host it runs or is suspended on, or null when halted
 * @param domain    its domain, when it runs
 * @param state     its power state
 * @param unchanged true when nothing could be seen and the record stays as it was
 */
record Whereabouts(UUID host, DomainInfo domain, PowerState state, boolean unchanged) {

    /**
     * The decision. {@code source} is what the VM's resident host says (absent for a VM not running),
     * {@code target} what the host it was scheduled to says (absent when it had none). The source
     * wins while it still has the domain: a migration that did not finish leaves the VM where it was.
     */
    static Whereabouts of(Vm vm, VmOperation operation, Sighting source, Sighting target) {
        if (source.present()) {
            return running(source);
        }
        if (target.present()) {
            return running(target);
        }
        if (source.unknown()) {
            return new Whereabouts(vm.residentOn, null, vm.powerState, true);
        }
        if (operation == VmOperation.SUSPEND && vm.residentOn != null) {
            // the daemon destroys the domain only once its image is saved
            return new Whereabouts(vm.residentOn, null, PowerState.SUSPENDED, false);
        }
        if (vm.powerState == PowerState.SUSPENDED) {
            return new Whereabouts(vm.suspendedOn, null, PowerState.SUSPENDED, false);
        }
        return new Whereabouts(null, null, PowerState.HALTED, false);
    }

    private static Whereabouts running(Sighting s) {
        PowerState state = s.domain().state() == DomainState.PAUSED ? PowerState.PAUSED : PowerState.RUNNING;
        return new Whereabouts(s.host(), s.domain(), state, false);
    }

    boolean runs() {
        return domain != null;
    }

    /** True when the interrupted operation had reached its goal; false when it did not or cannot be told. */
    boolean reached(VmOperation operation, UUID scheduledTo) {
        return switch (operation) {
            case START, START_ON, RESUME -> runs();
            case UNPAUSE -> state == PowerState.RUNNING;
            case PAUSE -> state == PowerState.PAUSED;
            case SUSPEND -> state == PowerState.SUSPENDED;
            case CLEAN_SHUTDOWN, HARD_SHUTDOWN, POWER_STATE_RESET -> state == PowerState.HALTED;
            case POOL_MIGRATE -> runs() && host.equals(scheduledTo);
            default -> false;
        };
    }
}
