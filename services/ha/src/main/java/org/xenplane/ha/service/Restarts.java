package org.xenplane.ha.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.ha.HaVms;
import org.xenplane.core.ha.HaVms.HaVm;
import org.xenplane.core.message.Messages;
import org.xenplane.ha.model.PendingRestart;

/**
 * Restarts the protected VMs of dead hosts through the VM service's normal start (a durable task,
 * placed as any start): {@code restart} VMs first, by {@code haOrder}, each followed by its start
 * delay; {@code best-effort} ones once, when every {@code restart} VM has been tried. A
 * {@code restart} VM that cannot be placed stays queued and is tried again every round (capacity may
 * appear); it is reported once ({@code HA_PROTECTED_VM_RESTART_FAILED}), as is a best-effort VM
 * that could not start. A VM is only started once recorded halted, so never on two hosts.
 */
@ApplicationScoped
public class Restarts {
    private static final Logger LOG = Logger.getLogger(Restarts.class);
    private static final Comparator<Candidate> ORDER = Comparator.comparing((Candidate c) -> !c.vm().priority().equals(HaVm.RESTART))
            .thenComparingInt(c -> c.vm().order()).thenComparing(c -> c.pending().queuedAt()).thenComparing(c -> c.vm().name());

    private final HaStore store;
    private final HaVms vms;
    private final Messages messages;
    /** Not before this (System.nanoTime) does the next restart start: the previous one's start delay. */
    private long nextStartNanos = System.nanoTime();

    public Restarts(HaStore store, HaVms vms, Messages messages) {
        this.store = store;
        this.vms = vms;
        this.messages = messages;
    }

    /** One round over the queue; runs on the active monitor only. */
    public synchronized void round() {
        List<PendingRestart> pending = QuarkusTransaction.requiringNew().call(store::pendingRestarts);
        if (pending.isEmpty()) {
            return;
        }
        Map<UUID, HaVm> now = vms.find(pending.stream().map(PendingRestart::vmId).toList()).stream()
                .collect(Collectors.toMap(HaVm::id, Function.identity()));
        List<Candidate> halted = new java.util.ArrayList<>();
        boolean restartUntried = false;
        for (PendingRestart p : pending) {
            HaVm vm = now.get(p.vmId());
            if (vm == null || !vm.isProtected() || (vm.isRunning() && !p.failedHost().equals(vm.residentOn()))
                    || (!vm.isRunning() && !"halted".equals(vm.powerState()))) {
                done(p.vmId()); // gone, no longer protected, running elsewhere, or suspended by someone
            } else if (!vm.busy() && "halted".equals(vm.powerState())) {
                halted.add(new Candidate(p, vm));
                restartUntried |= vm.priority().equals(HaVm.RESTART) && p.attempts() == 0;
            } else if (vm.priority().equals(HaVm.RESTART)) {
                restartUntried = true; // still being reset, or its start is running
            }
        }
        halted.sort(ORDER);
        for (Candidate c : halted) {
            boolean bestEffort = c.vm().priority().equals(HaVm.BEST_EFFORT);
            if ((bestEffort && restartUntried) || System.nanoTime() < nextStartNanos) {
                return;
            }
            start(c, bestEffort);
        }
    }

    private void start(Candidate c, boolean bestEffort) {
        try {
            UUID task = vms.start(c.vm().id(), Failover.CALLER, null);
            LOG.infof("HA: restarting VM %s (%s, %s, order %d): task %s", c.vm().name(), c.vm().id(), c.vm().priority(),
                    c.vm().order(), task);
            nextStartNanos = System.nanoTime() + c.vm().startDelaySeconds() * 1_000_000_000L;
            QuarkusTransaction.requiringNew().run(() -> {
                store.attempted(c.vm().id(), null, false);
                if (bestEffort) {
                    store.restartDone(c.vm().id()); // once
                }
            });
        } catch (XenplaneException e) {
            boolean report = !c.pending().reported();
            LOG.infof("HA: VM %s (%s) could not be restarted: %s", c.vm().name(), c.vm().id(), e.code());
            QuarkusTransaction.requiringNew().run(() -> {
                store.attempted(c.vm().id(), e.code().name(), true);
                if (report) {
                    messages.post("HA_PROTECTED_VM_RESTART_FAILED", 2, "vm", c.vm().id(), "HA could not restart VM "
                            + c.vm().name() + " (" + c.vm().priority() + ") after its host failed: " + e.code() + ". "
                            + (bestEffort ? "It is not tried again." : "It is tried again as soon as a host has room."));
                }
                if (bestEffort) {
                    store.restartDone(c.vm().id());
                }
            });
        }
    }

    private void done(UUID vmId) {
        QuarkusTransaction.requiringNew().run(() -> store.restartDone(vmId));
    }

    private record Candidate(PendingRestart pending, HaVm vm) {
    }
}
