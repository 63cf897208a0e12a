package org.xenplane.core.message;

import java.time.Instant;
import java.util.UUID;

/**
 * A message as clients see it.
 *
 * @param name      what happened, e.g. {@code VM_DOMAIN_VANISHED}
 * @param priority  1 (most urgent) to 5 (information), as in XenAPI
 * @param objectClass the class of the object it is about, e.g. {@code vm}
 * @param objectId  the object
 * @param body      the explanation, for humans
 */
public record MessageView(UUID id, String name, int priority, String objectClass, UUID objectId, String body,
                          Instant createdAt) {
    static MessageView of(Message m) {
        return new MessageView(m.id, m.name, m.priority, m.objectClass, m.objectId, m.body, m.createdAt);
    }
}
