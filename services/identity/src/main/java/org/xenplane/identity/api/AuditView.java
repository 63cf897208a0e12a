package org.xenplane.identity.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** One audit record: who did what, from where, to which object, and how it ended. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditView(long id, Instant at, String subject, String callerKind, String source, String operation,
                        String target, String outcome, int httpStatus, String errorCode) {
}
