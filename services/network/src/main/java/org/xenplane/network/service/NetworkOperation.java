package org.xenplane.network.service;

import static org.xenplane.core.error.ErrorCode.BRIDGE_NAME_IN_USE;
import static org.xenplane.core.error.ErrorCode.MTU_INVALID;
import static org.xenplane.core.error.ErrorCode.NETWORK_CONTAINS_PIF;
import static org.xenplane.core.error.ErrorCode.NETWORK_IN_USE;

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
import org.xenplane.network.model.Network;

/** The operations on networks (XenAPI {@code network.*}), with the one check of whether one may run now. */
public enum NetworkOperation implements DeclaredOperation {
    READ(OperationSpec.reads("network.read", Role.READ_ONLY)),
    CREATE(OperationSpec.changes("network.create", Role.POOL_OPERATOR)
            .raises(MTU_INVALID, BRIDGE_NAME_IN_USE)),
    UPDATE(OperationSpec.changes("network.update", Role.POOL_OPERATOR).raises(MTU_INVALID)),
    /** Refused while VIFs use it (NETWORK_IN_USE) or PIFs connect it to hosts (NETWORK_CONTAINS_PIF). */
    DESTROY(OperationSpec.changes("network.destroy", Role.POOL_OPERATOR).raises(NETWORK_IN_USE, NETWORK_CONTAINS_PIF));

    private final OperationSpec spec;

    NetworkOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }

    /** What uses a network: its VIFs and its PIFs. */
    public record Usage(long vifs, List<String> pifs) {
    }

    public Optional<XenplaneException> refusal(Network network, Usage usage) {
        if (this != DESTROY) {
            return Optional.empty();
        }
        if (usage.vifs() > 0) {
            return Optional.of(new XenplaneException(ErrorCode.NETWORK_IN_USE, network.id, usage.vifs() + " VIFs use it"));
        }
        if (!usage.pifs().isEmpty()) {
            return Optional.of(new XenplaneException(ErrorCode.NETWORK_CONTAINS_PIF, network.id, String.join(",", usage.pifs())));
        }
        return Optional.empty();
    }

    public void assertAllowed(Network network, Usage usage) {
        refusal(network, usage).ifPresent(e -> {
            throw e;
        });
    }

    /** The operations allowed on the network now (its {@code allowedOperations}). */
    public static List<String> allowedOn(Network network, Usage usage) {
        return Arrays.stream(values()).filter(op -> op.mutating() && op != CREATE && op.refusal(network, usage).isEmpty())
                .map(op -> op.id().substring(op.id().indexOf('.') + 1)).toList();
    }

    @ApplicationScoped
    static class Declarations {
        @Produces
        OperationSet networkOperations() {
            return OperationSet.of(values());
        }
    }
}
