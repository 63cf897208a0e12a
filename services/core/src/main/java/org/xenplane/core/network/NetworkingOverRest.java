package org.xenplane.core.network;

import static org.xenplane.core.rest.ServiceCalls.body;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.core.rest.ServiceCalls;

/**
 * The {@link VmNetworking} of a VM service that runs apart from the network service: each call is
 * one of the network service's VM-wide endpoints ({@code /api/v1/vm-vifs/{vm}...}), authenticated
 * with the VM service's own credential. Its refusals come back as the same error codes; a network
 * service that fails is {@code NETWORK_SERVICE_UNAVAILABLE}. No call is made inside a database
 * transaction: placement's check accepts every host (the refusal comes from
 * {@link #ensureNetworksOnHost}, which the start and the migration run before creating the domain),
 * and the VIFs' attached flags are sent once the VM's transaction has committed.
 */
public class NetworkingOverRest implements VmNetworking {
    private static final Logger LOG = Logger.getLogger(NetworkingOverRest.class);
    private static final String PATH = "/api/v1/vm-vifs/";

    private final ServiceCalls calls;
    private final TransactionSynchronizationRegistry transactions;

    public NetworkingOverRest(ServiceCalls calls, TransactionSynchronizationRegistry transactions) {
        this.calls = calls;
        this.transactions = transactions;
    }

    @Override
    public List<Nic> nicsForVm(UUID vmId) {
        return nics(calls.read(vmId, calls.get(vmId, PATH + vmId, java.time.Duration.ZERO).body()));
    }

    @Override
    public void assertHostCanAttach(UUID vmId, UUID hostId) {
        // asked in placement's transaction: no call here; ensureNetworksOnHost refuses a host that cannot
    }

    @Override
    public List<Nic> ensureNetworksOnHost(UUID vmId, UUID hostId) {
        return nics(calls.read(vmId, calls.post(vmId, PATH + vmId + "/ensure", body("hostId", hostId), null).body()));
    }

    @Override
    public void setVifsAttached(UUID vmId, boolean attached) {
        if (transactions.getTransactionKey() == null) {
            sendAttached(vmId, attached);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    try {
                        sendAttached(vmId, attached);
                    } catch (RuntimeException e) {
                        // the VM's state is recorded; its next power change sends the flags again
                        LOG.warnf("VIFs of VM %s not marked %s: %s", vmId, attached ? "attached" : "detached", e.getMessage());
                    }
                }
            }
        });
    }

    @Override
    public int copyVifs(UUID fromVm, UUID toVm) {
        return calls.read(fromVm, calls.post(fromVm, PATH + fromVm + "/copy", body("toVmId", toVm), null).body())
                .path("count").asInt();
    }

    @Override
    public int destroyVifs(UUID vmId) {
        return calls.read(vmId, calls.delete(vmId, PATH + vmId).body()).path("count").asInt();
    }

    private void sendAttached(UUID vmId, boolean attached) {
        calls.post(vmId, PATH + vmId + "/attached", body("attached", attached), null);
    }

    private static List<Nic> nics(JsonNode answer) {
        List<Nic> nics = new ArrayList<>();
        for (JsonNode n : answer) {
            nics.add(new Nic(UUID.fromString(n.path("vif").asText()), n.path("device").asInt(), n.path("mac").asText(),
                    n.path("mtu").asInt(), n.path("bridge").asText(), n.path("model").asText(),
                    UUID.fromString(n.path("network").asText()), n.path("lockingMode").asText()));
        }
        return nics;
    }
}
