package org.xenplane.daemon.operation;

/** An operation id that was already used for a different operation. */
public final class OperationIdReusedException extends RuntimeException {
    public OperationIdReusedException(String operationId, String earlier) {
        super("operation id " + operationId + " was used for another operation (" + earlier + ")");
    }
}
