package org.xenplane.network;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xenplane.core.network.Nic;
import org.xenplane.core.storage.VmDisk;
import org.xenplane.core.vm.VmDomains;

/**
 * The VM service as the network service's tests see it: VMs a test declares running on a host,
 * VMs declared missing, and the NICs hot-plugged. Any other VM exists and is halted.
 */
@ApplicationScoped
public class TestVmDomains implements VmDomains {
    public record Plug(String action, UUID vm, UUID host, Nic nic) {
    }

    private final Map<UUID, UUID> running = new ConcurrentHashMap<>();
    private final Set<UUID> missing = ConcurrentHashMap.newKeySet();
    private final List<Plug> plugs = new CopyOnWriteArrayList<>();

    public void run(UUID vm, UUID host) {
        running.put(vm, host);
    }

    public void stop(UUID vm) {
        running.remove(vm);
    }

    public void forget(UUID vm) {
        missing.add(vm);
    }

    public List<Plug> plugs() {
        return List.copyOf(plugs);
    }

    @Override
    public boolean exists(UUID vmId) {
        return !missing.contains(vmId);
    }

    @Override
    public Optional<UUID> residentHost(UUID vmId) {
        return Optional.ofNullable(running.get(vmId));
    }

    @Override
    public String powerState(UUID vmId) {
        return running.containsKey(vmId) ? "Running" : "Halted";
    }

    @Override
    public void plugNic(UUID vmId, UUID hostId, Nic nic) {
        plugs.add(new Plug("plug", vmId, hostId, nic));
    }

    @Override
    public void unplugNic(UUID vmId, UUID hostId, Nic nic) {
        plugs.add(new Plug("unplug", vmId, hostId, nic));
    }

    @Override
    public void plugDisk(UUID vmId, UUID hostId, VmDisk disk) {
        throw new UnsupportedOperationException("the network service's tests plug no disks");
    }

    @Override
    public void unplugDisk(UUID vmId, UUID hostId, String device) {
        throw new UnsupportedOperationException("the network service's tests plug no disks");
    }

    @Override
    public void changeMedium(UUID vmId, UUID hostId, VmDisk medium) {
        throw new UnsupportedOperationException("the network service's tests plug no disks");
    }
}
