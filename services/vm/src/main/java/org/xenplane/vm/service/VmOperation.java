package org.xenplane.vm.service;

import static org.xenplane.core.error.ErrorCode.BRIDGE_MISSING;
import static org.xenplane.core.error.ErrorCode.DEFAULT_SR_NOT_SET;
import static org.xenplane.core.error.ErrorCode.DEVICE_BUSY;
import static org.xenplane.core.error.ErrorCode.HOST_CANNOT_ATTACH_NETWORK;
import static org.xenplane.core.error.ErrorCode.HOST_DISABLED;
import static org.xenplane.core.error.ErrorCode.HOST_IS_LIVE;
import static org.xenplane.core.error.ErrorCode.HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN;
import static org.xenplane.core.error.ErrorCode.HOST_NOT_ENOUGH_FREE_MEMORY;
import static org.xenplane.core.error.ErrorCode.HOST_NOT_LIVE;
import static org.xenplane.core.error.ErrorCode.HOST_OFFLINE;
import static org.xenplane.core.error.ErrorCode.HYPERVISOR_ERROR;
import static org.xenplane.core.error.ErrorCode.INVALID_FIELD;
import static org.xenplane.core.error.ErrorCode.MEMORY_CONSTRAINT_VIOLATION;
import static org.xenplane.core.error.ErrorCode.NETWORK_BACKEND_FAILURE;
import static org.xenplane.core.error.ErrorCode.NO_HOSTS_AVAILABLE;
import static org.xenplane.core.error.ErrorCode.OPERATION_NOT_ALLOWED;
import static org.xenplane.core.error.ErrorCode.OTHER_OPERATION_IN_PROGRESS;
import static org.xenplane.core.error.ErrorCode.PIF_IS_MANAGEMENT_INTERFACE;
import static org.xenplane.core.error.ErrorCode.PIF_UNKNOWN_DEVICE;
import static org.xenplane.core.error.ErrorCode.NETWORK_SERVICE_UNAVAILABLE;
import static org.xenplane.core.error.ErrorCode.SR_BACKEND_FAILURE;
import static org.xenplane.core.error.ErrorCode.SR_FULL;
import static org.xenplane.core.error.ErrorCode.SR_HAS_NO_PBDS;
import static org.xenplane.core.error.ErrorCode.SR_NOT_ATTACHED;
import static org.xenplane.core.error.ErrorCode.STORAGE_SERVICE_UNAVAILABLE;
import static org.xenplane.core.error.ErrorCode.VDI_IN_USE;
import static org.xenplane.core.error.ErrorCode.VDI_MISSING;
import static org.xenplane.core.error.ErrorCode.VM_BAD_POWER_STATE;
import static org.xenplane.core.error.ErrorCode.VM_IS_SNAPSHOT;
import static org.xenplane.core.error.ErrorCode.VM_IS_TEMPLATE;
import static org.xenplane.core.error.ErrorCode.VM_MISSING;
import static org.xenplane.core.error.ErrorCode.VM_REBOOT_TIMEOUT;
import static org.xenplane.core.error.ErrorCode.VM_SHUTDOWN_TIMEOUT;
import static org.xenplane.vm.model.PowerState.HALTED;
import static org.xenplane.vm.model.PowerState.PAUSED;
import static org.xenplane.vm.model.PowerState.RUNNING;
import static org.xenplane.vm.model.PowerState.SUSPENDED;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.security.OperationCatalog.OperationSet;
import org.xenplane.core.security.OperationSpec;
import org.xenplane.core.security.Role;
import org.xenplane.vm.model.PowerState;
import org.xenplane.vm.model.Vm;

/**
 * The operations on VMs, declared once (XenAPI {@code VM.*}): the least role (XenServer's
 * defaults), the power states in which each may run, whether it applies to templates and
 * snapshots, what else it needs of the VM ({@link Needs}: snapshots to revert to, disks not attached to
 * snapshot or clone them, not a built-in template to change or destroy it), and the errors it raises
 * (those of its state check follow from the rest; the others are listed).
 * {@link #refusal} is the one check of "may X run on this VM now"; the REST layer,
 * {@code allowedOperations}, the OpenAPI document and docs/api.md read this.
 */
public enum VmOperation implements DeclaredOperation {
    READ(OperationSpec.reads("vm.read", Role.READ_ONLY), Scope.ANY, states()),
    /** With disks to make (a template's {@code provisionDisks}), the storage service's codes too. */
    CREATE(OperationSpec.changes("vm.create", Role.VM_ADMIN), Scope.ANY, states(),
            MEMORY_CONSTRAINT_VIOLATION, OPERATION_NOT_ALLOWED, DEFAULT_SR_NOT_SET, SR_FULL, SR_HAS_NO_PBDS,
            SR_NOT_ATTACHED, SR_BACKEND_FAILURE, HOST_OFFLINE, STORAGE_SERVICE_UNAVAILABLE),
    UPDATE(OperationSpec.changes("vm.update", Role.VM_ADMIN), Scope.ANY, states(HALTED, PAUSED, RUNNING, SUSPENDED),
            Needs.NOT_BUILT_IN, MEMORY_CONSTRAINT_VIOLATION, HYPERVISOR_ERROR),
    DESTROY(OperationSpec.changes("vm.destroy", Role.VM_ADMIN), Scope.ANY, states(HALTED), Needs.NOT_BUILT_IN,
            STORAGE_SERVICE_UNAVAILABLE,
            NETWORK_SERVICE_UNAVAILABLE),
    START(OperationSpec.changes("vm.start", Role.VM_OPERATOR), Scope.VMS, states(HALTED),
            HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN, HOST_NOT_ENOUGH_FREE_MEMORY, NO_HOSTS_AVAILABLE, HOST_OFFLINE, HYPERVISOR_ERROR, VDI_IN_USE, VDI_MISSING,
            SR_NOT_ATTACHED, SR_BACKEND_FAILURE, STORAGE_SERVICE_UNAVAILABLE, HOST_CANNOT_ATTACH_NETWORK,
            PIF_IS_MANAGEMENT_INTERFACE, PIF_UNKNOWN_DEVICE, DEVICE_BUSY, BRIDGE_MISSING, NETWORK_BACKEND_FAILURE,
            NETWORK_SERVICE_UNAVAILABLE),
    START_ON(OperationSpec.changes("vm.start_on", Role.VM_POWER_ADMIN), Scope.VMS, states(HALTED),
            HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN, HOST_NOT_ENOUGH_FREE_MEMORY, HOST_DISABLED, HOST_NOT_LIVE, HOST_OFFLINE, HYPERVISOR_ERROR, VDI_IN_USE,
            VDI_MISSING, SR_NOT_ATTACHED, SR_BACKEND_FAILURE, STORAGE_SERVICE_UNAVAILABLE, HOST_CANNOT_ATTACH_NETWORK,
            PIF_IS_MANAGEMENT_INTERFACE, PIF_UNKNOWN_DEVICE, DEVICE_BUSY, BRIDGE_MISSING, NETWORK_BACKEND_FAILURE,
            NETWORK_SERVICE_UNAVAILABLE),
    CLEAN_SHUTDOWN(OperationSpec.changes("vm.clean_shutdown", Role.VM_OPERATOR), Scope.VMS, states(RUNNING),
            VM_SHUTDOWN_TIMEOUT, VM_MISSING, HOST_OFFLINE, HYPERVISOR_ERROR),
    HARD_SHUTDOWN(OperationSpec.changes("vm.hard_shutdown", Role.VM_OPERATOR), Scope.VMS,
            states(RUNNING, PAUSED, SUSPENDED), HOST_OFFLINE, HYPERVISOR_ERROR),
    CLEAN_REBOOT(OperationSpec.changes("vm.clean_reboot", Role.VM_OPERATOR), Scope.VMS, states(RUNNING),
            VM_REBOOT_TIMEOUT, VM_MISSING, HOST_OFFLINE, HYPERVISOR_ERROR),
    HARD_REBOOT(OperationSpec.changes("vm.hard_reboot", Role.VM_OPERATOR), Scope.VMS, states(RUNNING, PAUSED),
            HOST_OFFLINE, HYPERVISOR_ERROR),
    SUSPEND(OperationSpec.changes("vm.suspend", Role.VM_OPERATOR), Scope.VMS, states(RUNNING),
            VM_MISSING, HOST_OFFLINE, HYPERVISOR_ERROR),
    RESUME(OperationSpec.changes("vm.resume", Role.VM_OPERATOR), Scope.VMS, states(SUSPENDED),
            HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN, HOST_NOT_ENOUGH_FREE_MEMORY, HOST_DISABLED, HOST_NOT_LIVE, HOST_OFFLINE, HYPERVISOR_ERROR, VDI_IN_USE,
            VDI_MISSING, SR_NOT_ATTACHED, SR_BACKEND_FAILURE, STORAGE_SERVICE_UNAVAILABLE, HOST_CANNOT_ATTACH_NETWORK,
            PIF_IS_MANAGEMENT_INTERFACE, PIF_UNKNOWN_DEVICE, DEVICE_BUSY, BRIDGE_MISSING, NETWORK_BACKEND_FAILURE,
            NETWORK_SERVICE_UNAVAILABLE),
    PAUSE(OperationSpec.changes("vm.pause", Role.VM_OPERATOR), Scope.VMS, states(RUNNING),
            VM_MISSING, HOST_OFFLINE, HYPERVISOR_ERROR),
    UNPAUSE(OperationSpec.changes("vm.unpause", Role.VM_OPERATOR), Scope.VMS, states(PAUSED),
            VM_MISSING, HOST_OFFLINE, HYPERVISOR_ERROR),
    CLONE(OperationSpec.changes("vm.clone", Role.VM_ADMIN), Scope.ANY, states(HALTED), Needs.DISKS_DETACHED,
            SR_FULL, SR_BACKEND_FAILURE, STORAGE_SERVICE_UNAVAILABLE,
            NETWORK_SERVICE_UNAVAILABLE),
    COPY(OperationSpec.changes("vm.copy", Role.VM_ADMIN), Scope.ANY, states(HALTED),
            SR_FULL, SR_BACKEND_FAILURE, STORAGE_SERVICE_UNAVAILABLE,
            NETWORK_SERVICE_UNAVAILABLE),
    SNAPSHOT(OperationSpec.changes("vm.snapshot", Role.VM_POWER_ADMIN), Scope.VMS,
            states(HALTED, PAUSED, RUNNING, SUSPENDED), Needs.DISKS_DETACHED, SR_FULL, SR_BACKEND_FAILURE,
            STORAGE_SERVICE_UNAVAILABLE,
            NETWORK_SERVICE_UNAVAILABLE),
    REVERT(OperationSpec.changes("vm.revert", Role.VM_POWER_ADMIN), Scope.VMS, states(HALTED), Needs.SNAPSHOTS,
            SR_FULL, SR_BACKEND_FAILURE, STORAGE_SERVICE_UNAVAILABLE),
    POOL_MIGRATE(OperationSpec.changes("vm.pool_migrate", Role.VM_POWER_ADMIN), Scope.VMS, states(RUNNING),
            OPERATION_NOT_ALLOWED, HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN, HOST_NOT_ENOUGH_FREE_MEMORY, NO_HOSTS_AVAILABLE, HOST_DISABLED, HOST_NOT_LIVE, HOST_OFFLINE,
            HYPERVISOR_ERROR, VDI_MISSING, SR_NOT_ATTACHED, SR_BACKEND_FAILURE, STORAGE_SERVICE_UNAVAILABLE,
            HOST_CANNOT_ATTACH_NETWORK, PIF_IS_MANAGEMENT_INTERFACE, PIF_UNKNOWN_DEVICE, DEVICE_BUSY, BRIDGE_MISSING,
            NETWORK_BACKEND_FAILURE,
            NETWORK_SERVICE_UNAVAILABLE),
    /**
     * XenAPI {@code VM.power_state_reset} ({@code xe vm-reset-powerstate --force}): records a VM whose
     * host is not live as halted, touching no hypervisor; only with {@code force} (else INVALID_FIELD).
     */
    POWER_STATE_RESET(OperationSpec.changes("vm.power_state_reset", Role.POOL_OPERATOR), Scope.VMS, states(PAUSED, RUNNING),
            Needs.HOST_NOT_LIVE),
    /**
     * XenAPI {@code VM.set_ha_restart_priority}, {@code set_order}, {@code set_start_delay} in one:
     * whether and in which order HA restarts the VM when its host dies (docs/ha.md). In any power
     * state (it changes no domain), so it is not listed in {@code allowedOperations}.
     */
    SET_HA(OperationSpec.changes("vm.set_ha", Role.VM_POWER_ADMIN), Scope.VMS, states(),
            VM_IS_TEMPLATE, VM_IS_SNAPSHOT, OTHER_OPERATION_IN_PROGRESS, INVALID_FIELD, HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN),
    /** A host daemon reports its domains (reconciliation); only with its host credential. */
    REPORT_DOMAINS(OperationSpec.byHost("vm.report_domains"), Scope.ANY, states());

    /** Which objects an operation applies to. */
    enum Scope {
        /** VMs, templates and snapshots alike. */
        ANY,
        /** Only real VMs: a template or a snapshot is refused with VM_IS_TEMPLATE / VM_IS_SNAPSHOT. */
        VMS
    }

    /**
     * What an operation needs of the VM besides its power state (XAPI's {@code assert_operation_valid}
     * checks these too); unmet, the operation is refused with OPERATION_NOT_ALLOWED and the reason.
     */
    public enum Needs {
        NOTHING(null, null),
        /** Built-in templates are read-only: they may be cloned, and the clone changed. */
        NOT_BUILT_IN("not built-in", "a built-in template is read-only; clone it and change the clone"),
        /** A snapshot of the VM to go back to (revert). */
        SNAPSHOTS("with snapshots", "the VM has no snapshots to revert to"),
        /**
         * No disk of the VM attached (to its running or paused domain, or shared with one): disks
         * are snapshotted and cloned offline only, live snapshots are not supported yet.
         */
        DISKS_DETACHED("disks not attached",
                "a disk of the VM is attached to a running VM; live snapshots are not supported: shut it down first"),
        /**
         * The host the VM is resident on is not live (or no longer in the pool): only then may its
         * record be reset, as nothing can tell it otherwise. Unmet: {@code HOST_IS_LIVE}.
         */
        HOST_NOT_LIVE("its host not live", null);

        private final String label;
        private final String reason;

        Needs(String label, String reason) {
            this.label = label;
            this.reason = reason;
        }

        /** How docs/api.md's table says it, e.g. {@code with snapshots}; null for {@link #NOTHING}. */
        public String label() {
            return label;
        }

        boolean metBy(State s) {
            return switch (this) {
                case NOTHING -> true;
                case NOT_BUILT_IN -> !s.vm().isDefaultTemplate;
                case SNAPSHOTS -> s.hasSnapshots();
                case DISKS_DETACHED -> !s.disksAttached();
                case HOST_NOT_LIVE -> s.host().notLive();
            };
        }

        XenplaneException refusal(VmOperation operation, State s) {
            return this == HOST_NOT_LIVE ? new XenplaneException(HOST_IS_LIVE, s.vm().residentOn)
                    : new XenplaneException(OPERATION_NOT_ALLOWED, operation.id(), reason);
        }
    }

    /**
     * A VM and what its operations need to know of it now.
     *
     * @param hasSnapshots  whether some snapshot's {@code snapshotOf} is this VM
     * @param disksAttached whether a disk (not a CD) of the VM is attached, by it or by another VM
     * @param host          how the host the VM is resident on is doing
     */
    public record State(Vm vm, boolean hasSnapshots, boolean disksAttached, ResidentHost host) {

        /** A VM whose resident host, if it has one, is live. */
        public State(Vm vm, boolean hasSnapshots, boolean disksAttached) {
            this(vm, hasSnapshots, disksAttached, vm.residentOn == null ? ResidentHost.NONE : ResidentHost.LIVE);
        }

        /** True when the VM is recorded running or paused on a host presumed dead: its domain may or may not run. */
        public boolean powerStateUncertain() {
            return host == ResidentHost.DEAD && (vm.powerState == PowerState.RUNNING || vm.powerState == PowerState.PAUSED);
        }
    }

    private final OperationSpec spec;
    private final Scope scope;
    private final Set<PowerState> allowedStates;
    private final Needs needs;

    VmOperation(OperationSpec spec, Scope scope, Set<PowerState> allowedStates, ErrorCode... errors) {
        this(spec, scope, allowedStates, Needs.NOTHING, errors);
    }

    /**
     * The power states are typed here, for {@link #refusal}; the spec carries their wire names, and its
     * errors start with the codes {@link #refusal} answers for this scope, these states and needs.
     */
    VmOperation(OperationSpec spec, Scope scope, Set<PowerState> allowedStates, Needs needs, ErrorCode... errors) {
        this.spec = spec.in(Arrays.stream(PowerState.values()).filter(allowedStates::contains)
                .map(PowerState::wireName).toArray(String[]::new)).raises(refusalsThen(scope, allowedStates, needs, errors));
        this.scope = scope;
        this.allowedStates = allowedStates;
        this.needs = needs;
    }

    /** What {@link #refusal} may answer (wrong state, template or snapshot, busy, an unmet need), then {@code errors}. */
    private static ErrorCode[] refusalsThen(Scope scope, Set<PowerState> allowedStates, Needs needs, ErrorCode... errors) {
        List<ErrorCode> codes = new java.util.ArrayList<>();
        if (!allowedStates.isEmpty()) {
            codes.add(VM_BAD_POWER_STATE);
            if (scope == Scope.VMS) {
                codes.addAll(List.of(VM_IS_TEMPLATE, VM_IS_SNAPSHOT));
            }
            codes.add(OTHER_OPERATION_IN_PROGRESS);
            if (needs != Needs.NOTHING) {
                codes.add(needs == Needs.HOST_NOT_LIVE ? HOST_IS_LIVE : OPERATION_NOT_ALLOWED);
            }
        }
        Arrays.stream(errors).filter(code -> !codes.contains(code)).forEach(codes::add);
        return codes.toArray(ErrorCode[]::new);
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }

    /** The power states in which the operation may run (empty: it does not act on an existing VM's state). */
    public Set<PowerState> powerStates() {
        return allowedStates.isEmpty() ? Set.of() : EnumSet.copyOf(allowedStates);
    }

    /** True when templates and snapshots are refused (VM_IS_TEMPLATE, VM_IS_SNAPSHOT). */
    public boolean vmsOnly() {
        return scope == Scope.VMS;
    }

    /** What the operation needs of the VM besides its power state. */
    public Needs needs() {
        return needs;
    }

    /** The verb as in {@code allowedOperations}, e.g. {@code clean_shutdown}. */
    public String verb() {
        return id().substring(id().indexOf('.') + 1);
    }

    /**
     * True for the operations that attach the VM's disks (start, start on, resume): their admission
     * holds the VM's VBDs, and while one runs the VM's disks count as in use ({@code VDI_IN_USE}).
     */
    public boolean attachesDisks() {
        return this == START || this == START_ON || this == RESUME;
    }

    /** Whether the operation with this verb (a VM's {@code currentOperation}) attaches disks. */
    public static boolean attachesDisks(String verb) {
        return verb != null && java.util.Arrays.stream(values()).anyMatch(op -> op.attachesDisks() && op.verb().equals(verb));
    }

    /** True for the operations that act on one existing VM and appear in {@code allowedOperations}. */
    public boolean actsOnAVm() {
        return mutating() && !allowedStates.isEmpty();
    }

    /** Why this operation may not run on the VM now, or empty when it may. */
    public Optional<XenplaneException> refusal(State s) {
        Vm vm = s.vm();
        if (scope == Scope.VMS && vm.isASnapshot) {
            return Optional.of(new XenplaneException(VM_IS_SNAPSHOT, vm.id));
        }
        if (scope == Scope.VMS && vm.isATemplate) {
            return Optional.of(new XenplaneException(VM_IS_TEMPLATE, vm.id));
        }
        if (mutating() && vm.currentOperation != null) {
            return Optional.of(new XenplaneException(OTHER_OPERATION_IN_PROGRESS, Vm.CLASS, vm.id, vm.currentOperation));
        }
        if (!allowedStates.isEmpty() && !allowedStates.contains(vm.powerState)) {
            return Optional.of(new XenplaneException(VM_BAD_POWER_STATE, vm.id, expected(), vm.powerState.wireName()));
        }
        if (!needs.metBy(s)) {
            return Optional.of(needs.refusal(this, s));
        }
        return Optional.empty();
    }

    public void assertAllowed(State s) {
        Optional<XenplaneException> refusal = refusal(s);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }

    /** The operations allowed on the VM now, its {@code allowedOperations}. */
    public static List<String> allowedOn(State s) {
        return Arrays.stream(values()).filter(op -> op.actsOnAVm() && op.refusal(s).isEmpty())
                .map(VmOperation::verb).toList();
    }

    /** The allowed states as XenAPI writes them in VM_BAD_POWER_STATE: {@code halted} or {@code running|paused}. */
    public String expected() {
        return allowedStates.stream().map(PowerState::wireName).collect(Collectors.joining("|"));
    }

    private static Set<PowerState> states(PowerState... states) {
        return states.length == 0 ? Set.of() : EnumSet.of(states[0], states);
    }

    @ApplicationScoped
    static class Declarations {
        @Produces
        OperationSet vmOperations() {
            return OperationSet.of(values());
        }
    }
}
