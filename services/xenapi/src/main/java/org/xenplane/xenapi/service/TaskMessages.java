package org.xenplane.xenapi.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** {@code task.cancel}; a task's record and getters come from its class table. */
@ApplicationScoped
public class TaskMessages implements Message.Source {
    private final RestApi api;

    public TaskMessages(RestApi api) {
        this.api = api;
    }

    @Override
    public List<Message> messages() {
        return List.of(new Message("task.cancel", List.of("task"), "task.cancel", (s, a) -> {
            api.post(s.token(), "/api/v1/tasks/" + Refs.id("task", a.get(0)) + "/cancel", null);
            return "";
        }));
    }
}
