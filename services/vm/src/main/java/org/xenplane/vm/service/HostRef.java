package org.xenplane.vm.service;

import java.util.UUID;

/**
 * What the vm service needs of a pool host, read from the pool's {@code host} table by SQL: this
 * service maps no entity on a table it does not own.
 */
public record HostRef(UUID id, String name, String daemonUrl, boolean live, boolean enabled, long memoryTotal) {
}
