package org.xenplane.core.security;

/** Who may call an operation: a person or automation with a user token, or a host daemon. */
public enum CallerKind {
    /** A user session or API token, checked against the operation's minimum role. */
    USER,
    /** A host daemon with its per-host credential; never accepted on user operations. */
    HOST,
    /** Anyone: the request authenticates itself some other way (a join token in the body). */
    ANONYMOUS
}
