package org.xenplane.core.security;

import java.time.Instant;

/**
 * One audited call: who, from where, which operation on what, and how it ended. Never a secret:
 * no body, no header, no token.
 */
public record AuditEntry(Instant at, String subject, CallerKind callerKind, String source, String operation,
                         String target, boolean success, int httpStatus, String errorCode) {
}
