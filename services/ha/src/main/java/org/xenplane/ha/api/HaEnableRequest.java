package org.xenplane.ha.api;

/**
 * {@code POST /api/v1/ha/enable}: the HA timeout T in seconds (6..3600, default 30) and how many
 * hosts may fail (at least 0, default 0; the failover plan that uses it comes in a later phase).
 */
public record HaEnableRequest(Integer timeoutSeconds, Integer hostFailuresToTolerate) {
}
