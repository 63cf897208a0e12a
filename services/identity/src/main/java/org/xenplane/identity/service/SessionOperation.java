package org.xenplane.identity.service;

import static org.xenplane.core.error.ErrorCode.AUTHENTICATION_LOCKED_OUT;
import static org.xenplane.core.error.ErrorCode.AUTHENTICATION_THROTTLED;
import static org.xenplane.core.error.ErrorCode.OPERATION_NOT_ALLOWED;
import static org.xenplane.core.error.ErrorCode.PASSWORD_TOO_WEAK;
import static org.xenplane.core.error.ErrorCode.SESSION_AUTHENTICATION_FAILED;
import static org.xenplane.core.error.ErrorCode.WRONG_PASSWORD;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.security.OperationCatalog.OperationSet;
import org.xenplane.core.security.OperationSpec;
import org.xenplane.core.security.Role;

/** The operations on the caller's own session (XenAPI {@code session.*}). */
public enum SessionOperation implements DeclaredOperation {
    LOGIN(OperationSpec.anonymous("session.login")
            .raises(SESSION_AUTHENTICATION_FAILED, AUTHENTICATION_THROTTLED, AUTHENTICATION_LOCKED_OUT)),
    READ(OperationSpec.reads("session.read", Role.READ_ONLY)),
    LOGOUT(OperationSpec.changes("session.logout", Role.READ_ONLY).raises(OPERATION_NOT_ALLOWED)),
    CHANGE_PASSWORD(OperationSpec.changes("session.change_password", Role.READ_ONLY)
            .raises(PASSWORD_TOO_WEAK, WRONG_PASSWORD, OPERATION_NOT_ALLOWED));

    private final OperationSpec spec;

    SessionOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }

    @ApplicationScoped
    static class Declarations {
        @Produces
        OperationSet sessionOperations() {
            return OperationSet.of(values());
        }
    }
}
