package org.xenplane.core.security;

/** What a credential is for: a login session, an API token for automation, or a host daemon's link. */
public enum CredentialPurpose {
    SESSION, API_TOKEN, HOST
}
