package org.xenplane.identity.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.security.AuthenticationFailure;
import org.xenplane.core.security.Caller;
import org.xenplane.core.security.CallerKind;
import org.xenplane.core.security.Credential;
import org.xenplane.core.security.CredentialPurpose;
import org.xenplane.core.security.CredentialVerifier;
import org.xenplane.core.security.Tokens;
import org.xenplane.identity.model.User;
import org.xenplane.identity.api.SessionView;

/**
 * Login and logout (XenAPI {@code session.login_with_password} / {@code logout}). A session is an
 * opaque bearer token stored as a hash, with an idle and an absolute timeout; a user holds at most
 * {@code max-per-user} sessions, and logging in beyond that ends the oldest.
 */
@ApplicationScoped
public class SessionService {
    private static final Logger LOG = Logger.getLogger(SessionService.class);

    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final CredentialVerifier verifier;
    private final Duration idleTimeout;
    private final Duration absoluteTimeout;
    private final int maxPerUser;

    public SessionService(Passwords passwords, LoginThrottle throttle, CredentialVerifier verifier,
                          IdentityConfig config) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.verifier = verifier;
        this.idleTimeout = config.session().idleTimeout();
        this.absoluteTimeout = config.session().absoluteTimeout();
        this.maxPerUser = config.session().maxPerUser();
    }

    public SessionView login(String username, String password, String source) {
        throttle.check(username, source);
        User user = QuarkusTransaction.requiringNew().call(() -> User.byName(username));
        boolean valid;
        if (user == null) {
            passwords.spendCheckTime(password);
            valid = false;
        } else {
            valid = passwords.matches(password, user.passwordHash) && user.enabled;
        }
        if (!valid) {
            throttle.recordFailure(username, source);
            LOG.infof("Failed login for '%s' from %s", username, source);
            throw AuthenticationFailure.WRONG_CREDENTIALS.exception();
        }
        throttle.recordSuccess(username, source);
        return QuarkusTransaction.requiringNew().call(() -> open(user.id, source));
    }

    /** Ends the caller's session; an API token is no session (it is revoked at {@code /tokens}) and stays valid. */
    public void logout(Caller caller, String presentedSecret) {
        QuarkusTransaction.requiringNew().run(() -> {
            Credential c = Credential.findById(caller.credential());
            if (c != null && c.purpose != CredentialPurpose.SESSION) {
                throw new XenplaneException(ErrorCode.OPERATION_NOT_ALLOWED, SessionOperation.LOGOUT.id(),
                        "an API token is not a session: revoke it with DELETE /api/v1/tokens/{id}");
            }
            Credential.update("revokedAt = ?1 where id = ?2 and revokedAt is null", Instant.now(), caller.credential());
        });
        verifier.forget(presentedSecret);
    }

    public SessionView describe(Caller caller) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Credential c = Credential.findById(caller.credential());
            if (c == null) {
                throw new XenplaneException(ErrorCode.HANDLE_INVALID, "session", caller.credential());
            }
            return view(c, null);
        });
    }

    /** Ends every session of a user but the one given (which may be null). */
    public void endSessions(String username, UUID except) {
        QuarkusTransaction.joiningExisting().run(() -> Credential.update(
                "revokedAt = ?1 where subject = ?2 and kind = ?3 and purpose = ?4 and revokedAt is null and id <> ?5",
                Instant.now(), username, CallerKind.USER, CredentialPurpose.SESSION,
                except == null ? new UUID(0, 0) : except));
        verifier.invalidateAll();
    }

    private SessionView open(UUID userId, String source) {
        User user = User.findById(userId, LockModeType.PESSIMISTIC_WRITE); // serialises this user's logins
        String secret = Tokens.newSecret(Tokens.USER_PREFIX);
        Credential session = Credential.create(CallerKind.USER, user.name, "session", user.role(), secret);
        session.purpose = CredentialPurpose.SESSION;
        session.expiresAt = session.createdAt.plus(absoluteTimeout);
        session.idleTimeoutSeconds = (int) idleTimeout.toSeconds();
        session.createdFrom = source;
        session.persist();
        evictBeyondLimit(user.name);
        return view(session, secret);
    }

    private void evictBeyondLimit(String username) {
        List<Credential> active = Credential.list(
                "subject = ?1 and kind = ?2 and purpose = ?3 and revokedAt is null order by createdAt desc, id",
                username, CallerKind.USER, CredentialPurpose.SESSION);
        Instant now = Instant.now();
        List<Credential> beyond = active.subList(Math.min(maxPerUser, active.size()), active.size());
        for (Credential old : beyond) {
            old.revokedAt = now;
        }
        if (!beyond.isEmpty()) {
            verifier.invalidateAll();
        }
    }

    private SessionView view(Credential c, String secret) {
        return new SessionView(c.id, secret, c.subject, c.roleName, c.createdAt, c.expiresAt,
                c.idleTimeoutSeconds == null ? 0 : c.idleTimeoutSeconds);
    }
}
