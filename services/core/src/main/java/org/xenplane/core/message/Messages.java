package org.xenplane.core.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.event.EventPublisher;

/** Posts and reads messages. A message is an event too ({@code message add}), in the same transaction. */
@ApplicationScoped
public class Messages {
    private static final Logger LOG = Logger.getLogger(Messages.class);
    private static final int MAX_LISTED = 1000;

    private final EventPublisher events;

    public Messages(EventPublisher events) {
        this.events = events;
    }

    /** Posts a message in the current transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public MessageView post(String name, int priority, String objectClass, UUID objectId, String body) {
        Message m = new Message();
        m.id = UUID.randomUUID();
        m.name = name;
        m.priority = priority;
        m.objectClass = objectClass;
        m.objectId = objectId;
        m.body = body;
        m.createdAt = Instant.now();
        m.persist();
        MessageView view = MessageView.of(m);
        events.publish(Message.CLASS, EventOperation.ADD, m.id, () -> view);
        LOG.infof("Message %s about %s %s: %s", name, objectClass, objectId, body);
        return view;
    }

    /** The newest messages first, optionally only those about one object. */
    @Transactional
    public List<MessageView> list(String objectClass, UUID objectId) {
        var query = objectId == null
                ? Message.<Message>find("order by createdAt desc, id")
                : Message.<Message>find("objectClass = ?1 and objectId = ?2 order by createdAt desc, id", objectClass, objectId);
        return query.page(0, MAX_LISTED).list().stream().map(MessageView::of).toList();
    }

    /**
     * Deletes a message ({@code message del} event with its last state), as XenAPI's
     * {@code message.destroy}: the way an administrator dismisses it.
     *
     * @throws XenplaneException {@code HANDLE_INVALID} when there is no such message
     */
    @Transactional
    public MessageView destroy(UUID id) {
        Message m = Message.findById(id);
        if (m == null) {
            throw new XenplaneException(ErrorCode.HANDLE_INVALID, Message.CLASS, id);
        }
        MessageView view = MessageView.of(m);
        m.delete();
        events.publish(Message.CLASS, EventOperation.DEL, id, () -> view);
        return view;
    }
}
