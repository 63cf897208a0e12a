package org.xenplane.core.ha;

/**
 * What the pool service needs of HA to acknowledge a heartbeat: whether HA is on, its timeout T
 * and the peer token. The ha service implements it over its own tables (cached briefly, since the
 * heartbeat is the hottest call); a process without the ha library uses {@link HaSeamDefaults}'s,
 * which answers HA disabled. Invariant 11: the pool never reads ha's tables.
 */
public interface HaTerms {

    /** The HA terms now; cheap (no database write, at most one read per cache period). */
    Terms current();

    /**
     * @param enabled       whether HA protects the pool
     * @param timeoutMillis the HA timeout T (0 when disabled)
     * @param peerToken     the secret daemons present to each other (null when disabled); never log it
     */
    record Terms(boolean enabled, long timeoutMillis, String peerToken) {
        public static final Terms DISABLED = new Terms(false, 0, null);

        @Override
        public String toString() { // never print the token
            return "Terms[enabled=" + enabled + ", timeoutMillis=" + timeoutMillis + "]";
        }
    }
}
