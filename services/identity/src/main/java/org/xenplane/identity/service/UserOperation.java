package org.xenplane.identity.service;

import static org.xenplane.core.error.ErrorCode.LAST_POOL_ADMIN;
import static org.xenplane.core.error.ErrorCode.PASSWORD_TOO_WEAK;
import static org.xenplane.core.error.ErrorCode.USER_ALREADY_EXISTS;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.security.OperationCatalog.OperationSet;
import org.xenplane.core.security.OperationSpec;
import org.xenplane.core.security.Role;

/** The operations on users: reading is for everyone, managing users for pool-admins. */
public enum UserOperation implements DeclaredOperation {
    READ(OperationSpec.reads("user.read", Role.READ_ONLY)),
    CREATE(OperationSpec.changes("user.create", Role.POOL_ADMIN)
            .raises(PASSWORD_TOO_WEAK, USER_ALREADY_EXISTS)),
    UPDATE(OperationSpec.changes("user.update", Role.POOL_ADMIN).raises(LAST_POOL_ADMIN)),
    DESTROY(OperationSpec.changes("user.destroy", Role.POOL_ADMIN).raises(LAST_POOL_ADMIN)),
    RESET_PASSWORD(OperationSpec.changes("user.reset_password", Role.POOL_ADMIN)
            .raises(PASSWORD_TOO_WEAK)),
    UNLOCK(OperationSpec.changes("user.unlock", Role.POOL_ADMIN));

    private final OperationSpec spec;

    UserOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }

    @ApplicationScoped
    static class Declarations {
        @Produces
        OperationSet userOperations() {
            return OperationSet.of(values());
        }
    }
}
