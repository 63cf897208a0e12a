package org.xenplane.core.invariant;

import java.util.List;

/**
 * One invariant, checked against the records: each service provides a bean of this type for each
 * invariant over its own records, and {@link InvariantChecker} runs every one in the process. A
 * check reads and never changes anything; it is called in a transaction, and asks one query so
 * that it sees the records at one moment.
 */
public interface InvariantCheck {

    /** What breaks the invariant now; empty when it holds. */
    List<Inconsistency> find();
}
