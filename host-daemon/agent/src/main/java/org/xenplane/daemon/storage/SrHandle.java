package org.xenplane.daemon.storage;

import java.util.Map;
import java.util.UUID;

/**
 * One SR as a driver sees it on one local host.
 *
 * @param srId         the SR's uuid: every name the driver makes derives from it
 * @param localKey     the local host (a daemon may simulate several; mount points are per host)
 * @param deviceConfig the SR's device config, already validated by the driver
 * @param adopt        whether the SR may take storage holding volumes of no SR ({@code sr.adopt})
 */
public record SrHandle(UUID srId, String localKey, Map<String, String> deviceConfig, boolean adopt) {
}
