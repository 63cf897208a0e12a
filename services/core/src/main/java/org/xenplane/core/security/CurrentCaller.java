package org.xenplane.core.security;

import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request, set by {@link AuthorizationFilter}. */
@RequestScoped
public class CurrentCaller {
    private Caller caller = Caller.anonymous();
    private String sourceAddress = "";

    public Caller get() {
        return caller;
    }

    public String sourceAddress() {
        return sourceAddress;
    }

    private String auditSubject;

    void set(Caller caller, String sourceAddress) {
        this.caller = caller;
        this.sourceAddress = sourceAddress;
    }

    /** Names who the audit log should record for a call made before authentication (a login's user name). */
    public void auditAs(String subject) {
        this.auditSubject = subject;
    }

    /** Who the audit log records: the authenticated subject, or what {@link #auditAs} named. */
    public String auditSubject() {
        return auditSubject != null ? auditSubject : caller.subject();
    }
}
