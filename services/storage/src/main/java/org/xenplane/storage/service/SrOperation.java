package org.xenplane.storage.service;

import static org.xenplane.core.error.ErrorCode.HOST_OFFLINE;
import static org.xenplane.core.error.ErrorCode.OPERATION_NOT_ALLOWED;
import static org.xenplane.core.error.ErrorCode.SR_BACKEND_FAILURE;
import static org.xenplane.core.error.ErrorCode.SR_DEVICE_CONFIG_INVALID;
import static org.xenplane.core.error.ErrorCode.SR_HAS_NO_PBDS;
import static org.xenplane.core.error.ErrorCode.SR_HAS_PBDS_ATTACHED;
import static org.xenplane.core.error.ErrorCode.SR_NOT_ATTACHED;
import static org.xenplane.core.error.ErrorCode.SR_UNKNOWN_DRIVER;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.security.OperationCatalog.OperationSet;
import org.xenplane.core.security.OperationSpec;
import org.xenplane.core.security.Role;
import org.xenplane.storage.model.Sr;

/**
 * The operations on SRs, declared once (XenAPI {@code SR.*}) with their least role, and the one
 * check of whether an operation may run on an SR in its state.
 */
public enum SrOperation implements DeclaredOperation {
    READ(OperationSpec.reads("sr.read", Role.READ_ONLY)),
    /** Formats new storage (device config per type) and plugs it on its host, or every host when shared. */
    CREATE(OperationSpec.changes("sr.create", Role.POOL_OPERATOR)
            .raises(SR_UNKNOWN_DRIVER, SR_DEVICE_CONFIG_INVALID, SR_BACKEND_FAILURE, HOST_OFFLINE)),
    /** Records an SR whose storage exists already, plugs it and scans it. */
    INTRODUCE(OperationSpec.changes("sr.introduce", Role.POOL_OPERATOR)
            .raises(SR_UNKNOWN_DRIVER, SR_DEVICE_CONFIG_INVALID, SR_BACKEND_FAILURE, HOST_OFFLINE)),
    /**
     * Introduces storage that holds volumes of no SR (a directory of someone else's images): the SR
     * takes them, and destroying it deletes them, so it is a pool-admin's explicit action.
     */
    ADOPT(OperationSpec.changes("sr.adopt", Role.POOL_ADMIN)
            .raises(SR_UNKNOWN_DRIVER, SR_DEVICE_CONFIG_INVALID, SR_BACKEND_FAILURE, HOST_OFFLINE)),
    /** Forgets the records of an unplugged SR; its storage stays. */
    FORGET(OperationSpec.changes("sr.forget", Role.POOL_OPERATOR).in("unplugged")
            .raises(SR_HAS_PBDS_ATTACHED, OPERATION_NOT_ALLOWED)),
    /** Wipes an unplugged SR's storage and forgets it. */
    DESTROY(OperationSpec.changes("sr.destroy", Role.POOL_OPERATOR).in("unplugged")
            .raises(SR_HAS_PBDS_ATTACHED, SR_HAS_NO_PBDS, OPERATION_NOT_ALLOWED, SR_BACKEND_FAILURE, HOST_OFFLINE)),
    /** Gives a shared SR a PBD on every host (hosts that joined later) and plugs every unplugged PBD of a live host. */
    REPAIR(OperationSpec.changes("sr.repair", Role.POOL_OPERATOR).raises(SR_BACKEND_FAILURE, HOST_OFFLINE)),
    /** Picks up volumes made outside, refreshes sizes, finishes pending coalesces. */
    SCAN(OperationSpec.changes("sr.scan", Role.VM_POWER_ADMIN).in("plugged")
            .raises(SR_HAS_NO_PBDS, SR_NOT_ATTACHED, SR_BACKEND_FAILURE, HOST_OFFLINE));

    private final OperationSpec spec;

    SrOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }

    /** What the state rule needs to know of an SR: the SR and how many of its PBDs are plugged. */
    public record State(Sr sr, long attachedPbds, long vdisInVms) {
    }

    public Optional<XenplaneException> refusal(State s) {
        if (this != READ && this != CREATE && this != INTRODUCE && this != ADOPT && s.sr().currentOperation != null) {
            return Optional.of(new XenplaneException(ErrorCode.OTHER_OPERATION_IN_PROGRESS, Sr.CLASS, s.sr().id,
                    s.sr().currentOperation));
        }
        return switch (this) {
            case FORGET, DESTROY -> {
                if (s.attachedPbds() > 0) {
                    yield Optional.of(new XenplaneException(ErrorCode.SR_HAS_PBDS_ATTACHED, s.sr().id));
                }
                yield s.vdisInVms() > 0 ? notAllowed("VMs have disk slots (VBDs) on its VDIs") : Optional.empty();
            }
            case SCAN -> s.attachedPbds() == 0
                    ? Optional.of(new XenplaneException(ErrorCode.SR_HAS_NO_PBDS, s.sr().id)) : Optional.empty();
            case READ, CREATE, INTRODUCE, ADOPT, REPAIR -> Optional.empty();
        };
    }

    public void assertAllowed(State s) {
        refusal(s).ifPresent(e -> {
            throw e;
        });
    }

    public static List<String> allowedOn(State s) {
        return Arrays.stream(values())
                .filter(op -> op.mutating() && op != CREATE && op != INTRODUCE && op != ADOPT && op.refusal(s).isEmpty())
                .map(op -> op.id().substring(op.id().indexOf('.') + 1))
                .toList();
    }

    private Optional<XenplaneException> notAllowed(String reason) {
        return Optional.of(new XenplaneException(ErrorCode.OPERATION_NOT_ALLOWED, id(), reason));
    }

    @ApplicationScoped
    static class Declarations {
        @Produces
        OperationSet srOperations() {
            return OperationSet.of(values());
        }
    }
}
