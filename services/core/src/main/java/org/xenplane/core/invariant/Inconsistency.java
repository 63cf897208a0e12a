package org.xenplane.core.invariant;

import java.util.UUID;

/**
 * One thing in the records that breaks an invariant the control plane promises (docs/api.md,
 * "Invariants").
 *
 * @param kind        a stable code for what is wrong, e.g. {@code VM_OPERATION_WITHOUT_TASK}
 * @param objectClass the class of the object it is about ({@code vm}, {@code host}, {@code task}, {@code vbd})
 * @param objectId    that object's id
 * @param detail      what is wrong, with the values, for a person
 */
public record Inconsistency(String kind, String objectClass, UUID objectId, String detail) {
}
