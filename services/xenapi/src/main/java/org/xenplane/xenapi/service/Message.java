package org.xenplane.xenapi.service;

import java.util.List;

/**
 * One XenAPI message, declared once: its name ({@code VM.start}), its parameters after the
 * session, the id of the declared operation that authorizes it (the same declaration as the REST
 * endpoint doing the same thing, e.g. {@code vm.start}; null only for the session-less
 * {@code session.login_with_password}) and what it does.
 */
public record Message(String name, List<String> parameters, int optional, String operation, Handler handler) {

    public Message {
        parameters = List.copyOf(parameters);
    }

    public Message(String name, List<String> parameters, String operation, Handler handler) {
        this(name, parameters, 0, operation, handler);
    }

    public boolean takesSession() {
        return operation != null;
    }

    /** The number of parameters on the wire, the session included. */
    public int arity() {
        return parameters.size() + (takesSession() ? 1 : 0);
    }

    /** Whether {@code count} parameters on the wire fit: trailing optional ones may be left out (XAPI's login takes 2 to 4). */
    public boolean accepts(int count) {
        return count <= arity() && count >= arity() - optional;
    }

    @FunctionalInterface
    public interface Handler {
        /** @param args the parameters after the session */
        Object call(Session session, List<Object> args);
    }

    /** A bean contributing messages to the {@link MessageRegistry}. */
    public interface Source {
        List<Message> messages();
    }
}
