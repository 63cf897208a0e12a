package org.xenplane.daemon.driver;

/** Subscribing to domain shutdowns (libxl's domain-death events). */
public interface DomainEvents {

    void addListener(DomainListener listener);
}
