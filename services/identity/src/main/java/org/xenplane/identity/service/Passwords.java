package org.xenplane.identity.service;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;

/** Password hashing with bcrypt, and the password policy. */
@ApplicationScoped
public class Passwords {
    private static final int MAX_LENGTH = 72; // bcrypt reads at most 72 bytes

    private final int cost;
    private final int minLength;
    private final String dummyHash;

    public Passwords(IdentityConfig config) {
        this.cost = config.password().bcryptCost();
        this.minLength = config.password().minLength();
        this.dummyHash = BcryptUtil.bcryptHash("not a password of anyone", cost);
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    public boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash);
    }

    /** Spends the time of one check, so an unknown user name answers as slowly as a wrong password. */
    public void spendCheckTime(String password) {
        BcryptUtil.matches(password, dummyHash);
    }

    public void assertAcceptable(String password) {
        if (password.length() < minLength) {
            throw new XenplaneException(ErrorCode.PASSWORD_TOO_WEAK, "at least " + minLength + " characters");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LENGTH) {
            throw new XenplaneException(ErrorCode.PASSWORD_TOO_WEAK, "at most " + MAX_LENGTH + " bytes");
        }
    }
}
