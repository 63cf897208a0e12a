package org.xenplane.core.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One change, as clients see it (XenAPI's event record).
 *
 * @param id        strictly increasing; the token to resume after this event
 * @param objectClass the class of the changed object, e.g. {@code host}
 * @param operation add, mod or del
 * @param objectId  the changed object's id
 * @param snapshot  the object's new state (its last state for {@code del})
 * @param timestamp when the change committed
 */
public record EventView(long id, @JsonProperty("class") String objectClass, EventOperation operation,
                        @JsonProperty("ref") UUID objectId, JsonNode snapshot, Instant timestamp) {
}
