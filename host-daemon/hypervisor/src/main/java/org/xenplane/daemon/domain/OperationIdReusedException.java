package org.xenplane.daemon.domain;

/** An operation id that was already used for a different operation. */
public final class OperationIdReusedException extends RuntimeException {
    OperationIdReusedException(String operationId, String earlier) {
        super("operation id " + operationId + " was used for another operation (" + earlier + ")");
    }
}
