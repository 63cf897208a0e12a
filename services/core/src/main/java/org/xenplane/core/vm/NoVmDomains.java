package org.xenplane.core.vm;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;
import org.xenplane.core.network.Nic;
import org.xenplane.core.storage.VmDisk;

/**
 * The {@link VmDomains} of a process without the VM service: VMs cannot be looked up, so any VM id
 * is accepted for a VIF, and no VM runs, so a plug is refused with {@code VM_BAD_POWER_STATE}.
 */
public final class NoVmDomains implements VmDomains {

    @Override
    public boolean exists(UUID vmId) {
        return true;
    }

    @Override
    public Optional<UUID> residentHost(UUID vmId) {
        return Optional.empty();
    }

    @Override
    public String powerState(UUID vmId) {
        return "Halted";
    }

    @Override
    public void plugNic(UUID vmId, UUID hostId, Nic nic) {
        throw new IllegalStateException("no VM service in this process runs VM " + vmId);
    }

    @Override
    public void unplugNic(UUID vmId, UUID hostId, Nic nic) {
        throw new IllegalStateException("no VM service in this process runs VM " + vmId);
    }

    @Override
    public void plugDisk(UUID vmId, UUID hostId, VmDisk disk) {
        throw new IllegalStateException("no VM service in this process runs VM " + vmId);
    }

    @Override
    public void unplugDisk(UUID vmId, UUID hostId, String device) {
        throw new IllegalStateException("no VM service in this process runs VM " + vmId);
    }

    @Override
    public void changeMedium(UUID vmId, UUID hostId, VmDisk medium) {
        throw new IllegalStateException("no VM service in this process runs VM " + vmId);
    }

    @ApplicationScoped
    static class Producer {
        @Produces
        @DefaultBean
        @Singleton
        VmDomains noVmDomains() {
            return new NoVmDomains();
        }
    }
}
