package org.xenplane.core.daemon;

import java.time.Duration;
import org.xenplane.daemon.protocol.DaemonProtocol;

/**
 * One call of the daemon protocol as a typed client states it: method, path (a filled template of
 * the protocol), JSON body, operation id and how long it may take. Sent by {@link DaemonTransport}.
 *
 * @param budget the configured time the call gets ({@link DaemonClientConfig})
 * @param extra  time on top of it (a clean shutdown's own timeout, say)
 */
public record DaemonRequest(String method, String path, Object body, String operationId, Budget budget, Duration extra) {

    /** Which configured time a call gets. */
    public enum Budget {
        /** {@link DaemonClientConfig#requestTimeout()}: domain and network operations, reads. */
        QUICK,
        /** {@link DaemonClientConfig#diskTimeout()}: storage work on disks. */
        DISK,
        /** {@link DaemonClientConfig#transferTimeout()}: copying, importing or exporting a disk's content. */
        TRANSFER
    }

    public static DaemonRequest get(String template, Object... values) {
        return new DaemonRequest("GET", DaemonProtocol.expand(template, values), null, null, Budget.QUICK, Duration.ZERO);
    }

    /** A mutating call: carries {@code operationId} so that the daemon acts once however often it is sent. */
    public static DaemonRequest change(String method, String operationId, Object body, String template, Object... values) {
        return new DaemonRequest(method, DaemonProtocol.expand(template, values), body, operationId, Budget.QUICK,
                Duration.ZERO);
    }

    public DaemonRequest within(Budget budget) {
        return new DaemonRequest(method, path, body, operationId, budget, extra);
    }

    public DaemonRequest plus(Duration more) {
        return new DaemonRequest(method, path, body, operationId, budget, extra.plus(more));
    }

    /**
     * Whether sending it again after a failed connection is safe: a change keyed by an operation
     * id, or a method HTTP defines as idempotent (a read, a put, a delete).
     */
    public boolean repeatable() {
        return operationId != null || method.equals("GET") || method.equals("PUT") || method.equals("DELETE");
    }
}
