package org.xenplane.core.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.daemon.protocol.DaemonProtocol;
import org.xenplane.daemon.protocol.network.BridgeSpec;
import org.xenplane.daemon.protocol.network.InterfaceReport;
import org.xenplane.daemon.protocol.network.IpConfig;
import org.xenplane.daemon.protocol.network.NetworkProtocol;
import org.xenplane.daemon.protocol.network.PortSpec;

/**
 * The control plane's typed client for a host daemon's network API ({@link NetworkProtocol}).
 * Each call presents the host's control-plane credential and, when it changes something, an
 * operation id, so that a retry after a lost answer never acts twice.
 *
 * <p>A host that is not live, or whose daemon cannot be reached in time, is {@code HOST_OFFLINE}.
 * The daemon's own refusals (a busy device, a bridge still in use, a backend failure) come back
 * with the same code and parameters; anything else it answers is {@code HOST_DAEMON_ERROR}.
 */
@ApplicationScoped
public class NetworkDaemonClient {
    private static final Logger LOG = Logger.getLogger(NetworkDaemonClient.class);
    /** The daemon's answers a client may see as they are; other daemon errors are ours to explain. */
    private static final Set<ErrorCode> PASSED_ON = Set.of(ErrorCode.MTU_INVALID, ErrorCode.VLAN_TAG_INVALID,
            ErrorCode.PIF_UNKNOWN_DEVICE, ErrorCode.PIF_IS_MANAGEMENT_INTERFACE, ErrorCode.DEVICE_BUSY,
            ErrorCode.BRIDGE_IN_USE, ErrorCode.BRIDGE_MISSING, ErrorCode.NETWORK_BACKEND_FAILURE, ErrorCode.HOST_OFFLINE);

    private final DaemonCredentials credentials;
    private final ObjectMapper json;
    private final Duration requestTimeout;
    private final HttpClient http;

    public NetworkDaemonClient(DaemonCredentials credentials, ObjectMapper json,
                               @ConfigProperty(name = "xenplane.daemon-client.connect-timeout", defaultValue = "3s") Duration connectTimeout,
                               @ConfigProperty(name = "xenplane.daemon-client.request-timeout", defaultValue = "60s") Duration requestTimeout) {
        this.credentials = credentials;
        // a newer daemon may report more than this control plane knows
        this.json = json.copy().disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    /** The host's real interfaces now. */
    public InterfaceReport interfaces(HostEndpoint host) {
        return read(send(host, "GET", NetworkProtocol.INTERFACES, null, null), InterfaceReport.class, host);
    }

    /** Makes a network's bridge exist on the host with its MTU and uplink. */
    public void ensureBridge(HostEndpoint host, BridgeSpec spec, String operationId) {
        send(host, "PUT", NetworkProtocol.BRIDGE.formatted(spec.name()), spec, operationId);
    }

    /** Removes a bridge and its uplink's VLAN interface or bond (refused while VIFs use it). */
    public void removeBridge(HostEndpoint host, String bridge, String operationId) {
        send(host, "DELETE", NetworkProtocol.BRIDGE.formatted(bridge), null, operationId);
    }

    /** Attaches a VIF's backend device to a bridge. */
    public void attachPort(HostEndpoint host, String port, PortSpec spec, String operationId) {
        send(host, "PUT", NetworkProtocol.PORT.formatted(port), spec, operationId);
    }

    /** Detaches a VIF's backend device. */
    public void detachPort(HostEndpoint host, String port, String operationId) {
        send(host, "DELETE", NetworkProtocol.PORT.formatted(port), null, operationId);
    }

    /** Sets the IPv4 configuration of a device (a PIF's bridge). */
    public void configureIp(HostEndpoint host, String device, IpConfig config, String operationId) {
        send(host, "PUT", NetworkProtocol.DEVICE_IP.formatted(device), config, operationId);
    }

    private HttpResponse<String> send(HostEndpoint host, String method, String path, Object body, String operationId) {
        if (!host.live()) {
            throw new XenplaneException(ErrorCode.HOST_OFFLINE, host.id());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(host.daemonUrl() + path))
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + credentials.forHost(host.id()))
                .header(DaemonProtocol.VERSION_HEADER, Integer.toString(DaemonProtocol.VERSION))
                .header("Accept", "application/json");
        if (operationId != null) {
            request.header(NetworkProtocol.OPERATION_ID_HEADER, operationId);
        }
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            LOG.warnf("The daemon of host %s did not answer %s %s in time", host.name(), method, path);
            throw new XenplaneException(ErrorCode.HOST_OFFLINE, e, host.id());
        } catch (IOException e) {
            LOG.debugf("The daemon of host %s cannot be reached: %s", host.name(), e);
            throw new XenplaneException(ErrorCode.HOST_OFFLINE, e, host.id());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XenplaneException(ErrorCode.HOST_OFFLINE, e, host.id());
        }
        if (response.statusCode() / 100 != 2) {
            throw refusal(host, response);
        }
        return response;
    }

    private XenplaneException refusal(HostEndpoint host, HttpResponse<String> response) {
        String code = "";
        Map<String, String> parameters = new LinkedHashMap<>();
        try {
            JsonNode problem = json.readTree(response.body());
            code = problem.path("code").asText("");
            problem.path("parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
        } catch (IOException | RuntimeException unreadable) {
            // not a problem document: described below by its status
        }
        for (ErrorCode known : PASSED_ON) {
            if (known.name().equals(code) && parameters.keySet().equals(Set.copyOf(known.parameterNames()))) {
                return XenplaneException.fromRecord(known, parameters);
            }
        }
        LOG.warnf("The daemon of host %s answered %d %s", host.name(), response.statusCode(), code);
        return new XenplaneException(ErrorCode.HOST_DAEMON_ERROR, host.id(),
                response.statusCode() + (code.isEmpty() ? "" : " " + code));
    }

    private <T> T read(HttpResponse<String> response, Class<T> type, HostEndpoint host) {
        try {
            return json.readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            throw new XenplaneException(ErrorCode.HOST_DAEMON_ERROR, host.id(), "unreadable answer");
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a daemon request", e);
        }
    }
}
