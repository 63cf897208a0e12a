package org.xenplane.daemon.driver.libxl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.xenplane.daemon.protocol.DomainInfo;
import org.xenplane.daemon.protocol.DomainState;
import org.xenplane.daemon.protocol.ShutdownReason;

/**
 * Reads libxl's JSON form of {@code libxl_dominfo} and {@code libxl_event}. libxl leaves out
 * fields that hold their default (false, 0, a zero uuid), so an absent field means that default.
 */
final class DominfoJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID ZERO = new UUID(0, 0);
    /**
     * {@code LIBXL_MAXMEM_CONSTANT}: libxl sets Xen's ceiling for a domain 1 MiB above the
     * domain's maximum memory, and dominfo reports that ceiling; the domain's maximum is below it.
     * (HVM guests also have their video RAM on top, which is not taken off here.)
     */
    static final long MAXMEM_SLACK_KIB = 1024;

    private DominfoJson() {
    }

    /** The domain, or null for dom0 and for domains that are not Xenplane's (no uuid). */
    static DomainInfo domain(String json) {
        JsonNode info = parse(json);
        int domid = info.path("domid").asInt(0);
        UUID uuid = info.has("uuid") ? UUID.fromString(info.get("uuid").asText()) : ZERO;
        if (domid == 0 || uuid.equals(ZERO)) {
            return null;
        }
        DomainState state = info.path("shutdown").asBoolean(false) ? DomainState.SHUTDOWN
                : info.path("paused").asBoolean(false) ? DomainState.PAUSED : DomainState.RUNNING;
        return new DomainInfo(uuid, domid, state, info.path("current_memkb").asLong(0) * 1024,
                Math.max(0, info.path("max_memkb").asLong(0) - MAXMEM_SLACK_KIB) * 1024, info.path("vcpu_online").asInt(0), List.of(), null);
    }

    /**
     * Why a shut-down domain shut down, from its {@code libxl_dominfo}: libxl writes the
     * {@code libxl_shutdown_reason} by name ({@code "poweroff"}, {@code "reboot"}), and leaves
     * out its default, {@code unknown}.
     */
    static ShutdownReason dominfoShutdownReason(String json) {
        JsonNode reason = parse(json).get("shutdown_reason");
        if (reason == null || reason.isNull()) {
            return ShutdownReason.UNKNOWN;
        }
        if (reason.isNumber()) {
            return ShutdownReason.fromLibxl(reason.asInt());
        }
        try {
            return ShutdownReason.fromWireName(reason.asText());
        } catch (IllegalArgumentException e) {
            return ShutdownReason.UNKNOWN;
        }
    }

    /**
     * The shutdown reason of an event, or -2 when the event is not {@code domain_shutdown}. A
     * power-off (reason 0, the default) leaves the reason out: {@code "type.domain_shutdown": {}}.
     */
    static int shutdownReason(String eventJson) {
        JsonNode event = parse(eventJson);
        JsonNode shutdown = event.get("type.domain_shutdown");
        return shutdown == null ? -2 : shutdown.path("shutdown_reason").asInt(0);
    }

    static int eventDomid(String eventJson) {
        return parse(eventJson).path("domid").asInt(-1);
    }

    static boolean isDeath(String eventJson) {
        return parse(eventJson).has("type.domain_death");
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("libxl returned unreadable JSON", e);
        }
    }
}
