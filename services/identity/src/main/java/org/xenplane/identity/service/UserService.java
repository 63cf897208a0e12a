package org.xenplane.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.event.EventPublisher;
import org.xenplane.core.security.CallerKind;
import org.xenplane.core.security.Credential;
import org.xenplane.core.security.CredentialPurpose;
import org.xenplane.core.security.CredentialVerifier;
import org.xenplane.core.security.Role;
import org.xenplane.identity.model.User;
import org.xenplane.identity.api.UserCreate;
import org.xenplane.identity.api.UserUpdate;
import org.xenplane.identity.api.UserView;

/**
 * Managing users. The pool never loses its last enabled pool-admin; disabling or deleting a user
 * ends their sessions and tokens; lowering a role lowers their sessions and caps their tokens.
 */
@ApplicationScoped
public class UserService {
    private final Passwords passwords;
    private final EventPublisher events;
    private final SessionService sessions;
    private final CredentialVerifier verifier;

    public UserService(Passwords passwords, EventPublisher events, SessionService sessions, CredentialVerifier verifier) {
        this.passwords = passwords;
        this.events = events;
        this.sessions = sessions;
        this.verifier = verifier;
    }

    @Transactional
    public List<UserView> list() {
        return User.<User>find("order by name").list().stream().map(UserView::of).toList();
    }

    @Transactional
    public UserView get(UUID id) {
        return UserView.of(find(id, LockModeType.NONE));
    }

    @Transactional
    public UserView create(UserCreate request) {
        passwords.assertAcceptable(request.password());
        if (User.byName(request.username()) != null) {
            throw new XenplaneException(ErrorCode.USER_ALREADY_EXISTS, request.username());
        }
        User user = new User();
        user.id = UUID.randomUUID();
        user.name = request.username();
        user.fullName = request.fullName() == null ? "" : request.fullName();
        user.enabled = true;
        user.roleName = request.role().wireName();
        user.passwordHash = passwords.hash(request.password());
        user.createdAt = Instant.now();
        user.passwordChangedAt = user.createdAt;
        user.persist();
        publish(EventOperation.ADD, user);
        return UserView.of(user);
    }

    @Transactional
    public UserView update(UUID id, UserUpdate update) {
        User user = find(id, LockModeType.PESSIMISTIC_WRITE);
        boolean losesAdmin = (Boolean.FALSE.equals(update.enabled()) || (update.role() != null && update.role() != Role.POOL_ADMIN))
                && user.enabled && user.role() == Role.POOL_ADMIN;
        if (losesAdmin) {
            assertAnotherAdmin(user);
        }
        if (update.fullName() != null) {
            user.fullName = update.fullName();
        }
        if (update.role() != null && update.role() != user.role()) {
            user.roleName = update.role().wireName();
            lowerCredentials(user.name, update.role());
        }
        if (update.enabled() != null && user.enabled != update.enabled()) {
            user.enabled = update.enabled();
            if (!user.enabled) {
                revokeAll(user.name);
            }
        }
        publish(EventOperation.MOD, user);
        return UserView.of(user);
    }

    @Transactional
    public void destroy(UUID id) {
        User user = find(id, LockModeType.PESSIMISTIC_WRITE);
        if (user.enabled && user.role() == Role.POOL_ADMIN) {
            assertAnotherAdmin(user);
        }
        UserView last = UserView.of(user);
        revokeAll(user.name);
        user.delete();
        events.publish(User.CLASS, EventOperation.DEL, id, () -> last);
    }

    @Transactional
    public void resetPassword(UUID id, String newPassword) {
        User user = find(id, LockModeType.PESSIMISTIC_WRITE);
        setPassword(user, newPassword);
        sessions.endSessions(user.name, null);
    }

    /** The caller's own change: proves the old password; ends their other sessions. */
    @Transactional
    public void changeOwnPassword(String username, UUID currentSession, String oldPassword, String newPassword) {
        User user = User.find("name", username).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (user == null) {
            throw new XenplaneException(ErrorCode.OPERATION_NOT_ALLOWED, "session.change_password",
                    "the caller is not a local user");
        }
        if (!passwords.matches(oldPassword, user.passwordHash)) {
            throw new XenplaneException(ErrorCode.WRONG_PASSWORD);
        }
        setPassword(user, newPassword);
        sessions.endSessions(user.name, currentSession);
    }

    @Transactional
    public String nameOf(UUID id) {
        return find(id, LockModeType.NONE).name;
    }

    private void setPassword(User user, String password) {
        passwords.assertAcceptable(password);
        user.passwordHash = passwords.hash(password);
        user.passwordChangedAt = Instant.now();
        publish(EventOperation.MOD, user);
    }

    private void assertAnotherAdmin(User user) {
        long others = User.count("enabled = true and roleName = ?1 and id <> ?2", Role.POOL_ADMIN.wireName(), user.id);
        if (others == 0) {
            throw new XenplaneException(ErrorCode.LAST_POOL_ADMIN, user.name);
        }
    }

    private void revokeAll(String username) {
        Credential.update("revokedAt = ?1 where subject = ?2 and kind = ?3 and revokedAt is null",
                Instant.now(), username, CallerKind.USER);
        verifier.invalidateAll();
    }

    private void lowerCredentials(String username, Role role) {
        List<Credential> held = Credential.list("subject = ?1 and kind = ?2 and revokedAt is null", username, CallerKind.USER);
        for (Credential c : held) {
            Role current = Role.fromWireName(c.roleName);
            if (c.purpose == CredentialPurpose.SESSION || current.includes(role)) {
                c.roleName = role.wireName();
            }
        }
        verifier.invalidateAll();
    }

    private void publish(EventOperation op, User user) {
        events.publish(User.CLASS, op, user.id, () -> UserView.of(user));
    }

    private static User find(UUID id, LockModeType lock) {
        User user = User.findById(id, lock);
        if (user == null) {
            throw new XenplaneException(ErrorCode.HANDLE_INVALID, User.CLASS, id);
        }
        return user;
    }
}
