package org.xenplane.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.security.AuthorizationFilter;
import org.xenplane.core.security.Caller;
import org.xenplane.core.security.CallerKind;
import org.xenplane.core.security.Credential;
import org.xenplane.core.security.CredentialPurpose;
import org.xenplane.core.security.CredentialVerifier;
import org.xenplane.core.security.Role;
import org.xenplane.core.security.Tokens;
import org.xenplane.identity.api.TokenCreate;
import org.xenplane.identity.api.TokenView;

/** API tokens for automation: named, role-limited, optionally expiring, revocable, shown once, stored hashed. */
@ApplicationScoped
public class TokenService {
    private final CredentialVerifier verifier;

    public TokenService(CredentialVerifier verifier) {
        this.verifier = verifier;
    }

    @Transactional
    public TokenView create(Caller creator, TokenCreate request) {
        Role role = request.role() == null ? creator.role() : request.role();
        if (!creator.role().includes(role)) {
            throw new XenplaneException(ErrorCode.RBAC_PERMISSION_DENIED, TokenOperation.CREATE.id() + " with role " + role.wireName(),
                    role.wireName());
        }
        String secret = Tokens.newSecret(Tokens.USER_PREFIX);
        Credential token = Credential.create(CallerKind.USER, creator.subject(), request.name(), role, secret);
        token.purpose = CredentialPurpose.API_TOKEN;
        if (request.expiresInSeconds() != null) {
            token.expiresAt = token.createdAt.plusSeconds(request.expiresInSeconds());
        }
        token.persist();
        return view(token, secret);
    }

    /** The caller's tokens; a pool-admin sees everyone's. */
    @Transactional
    public List<TokenView> list(Caller caller) {
        List<Credential> tokens = managesAll(caller)
                ? Credential.list("kind = ?1 and purpose = ?2 order by createdAt desc", CallerKind.USER, CredentialPurpose.API_TOKEN)
                : Credential.list("kind = ?1 and purpose = ?2 and subject = ?3 order by createdAt desc",
                        CallerKind.USER, CredentialPurpose.API_TOKEN, caller.subject());
        return tokens.stream().map(t -> view(t, null)).toList();
    }

    @Transactional
    public void revoke(Caller caller, UUID id) {
        Credential token = Credential.findById(id);
        boolean visible = token != null && token.purpose == CredentialPurpose.API_TOKEN
                && (token.subject.equals(caller.subject()) || managesAll(caller));
        if (!visible) {
            throw new XenplaneException(ErrorCode.HANDLE_INVALID, "token", id);
        }
        if (token.revokedAt == null) {
            token.revokedAt = Instant.now();
        }
        verifier.invalidateAll();
    }

    private static boolean managesAll(Caller caller) {
        return AuthorizationFilter.permits(caller, TokenOperation.MANAGE_ANY);
    }

    private static TokenView view(Credential c, String secret) {
        return new TokenView(c.id, c.name, c.subject, c.roleName, c.createdAt, c.expiresAt, c.revokedAt, secret);
    }
}
