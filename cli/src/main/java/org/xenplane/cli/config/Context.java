package org.xenplane.cli.config;

/**
 * One named place to talk to: the server's URL, who logged in there, and the secret to present
 * (a session from {@code login}, or an API token given with {@code --token}).
 */
public record Context(String url, String user, String token, CredentialKind kind) {

    /** Whether the stored secret is a session (logout ends it on the server) or an API token (kept on the server). */
    public enum CredentialKind { SESSION, TOKEN }
}
