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

    void set(Caller caller, String sourceAddress) {
        this.caller = caller;
        this.sourceAddress = sourceAddress;
    }
}
