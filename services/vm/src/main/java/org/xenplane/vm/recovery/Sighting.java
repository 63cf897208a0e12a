package org.xenplane.vm.recovery;

import java.util.UUID;
import org.xenplane.daemon.protocol.DomainInfo;

/**
 * What one host says of a VM's domain: there (with its state), not there, or nothing known
 * because the host is not live (its domains, if any, are out of reach).
 */
record Sighting(UUID host, Kind kind, DomainInfo domain) {
    enum Kind { PRESENT, ABSENT, UNKNOWN }

    static Sighting present(UUID host, DomainInfo domain) {
        return new Sighting(host, Kind.PRESENT, domain);
    }

    static Sighting absent(UUID host) {
        return new Sighting(host, Kind.ABSENT, null);
    }

    static Sighting unknown(UUID host) {
        return new Sighting(host, Kind.UNKNOWN, null);
    }

    boolean present() {
        return kind == Kind.PRESENT;
    }

    boolean unknown() {
        return kind == Kind.UNKNOWN;
    }
}
