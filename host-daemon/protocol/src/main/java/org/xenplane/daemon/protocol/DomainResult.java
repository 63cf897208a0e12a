package org.xenplane.daemon.protocol;

/**
 * The answer to a domain operation: the domain afterwards (null once it is gone) and the host's
 * domain generation just after the operation, which tells the control plane which later reports
 * already include its effect.
 */
public record DomainResult(long generation, DomainInfo domain) {
}
