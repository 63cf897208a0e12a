package org.xenplane.xenapi.service.classes;

import jakarta.enterprise.context.ApplicationScoped;
import org.xenplane.xenapi.service.XenClass;

/** XenAPI {@code task} over {@code /api/v1/tasks} (the most recent 100 for {@code get_all}). */
@ApplicationScoped
public class TaskClass implements XenClass.Declaration {
    @Override
    public XenClass xenClass() {
        return new XenClass.Fields()
                .uuid()
                .text("name_label", "operation").constant("name_description", "")
                .field("allowed_operations", v -> org.xenplane.xenapi.service.XenFormats.texts(v.path("allowedOperations")))
                .constant("current_operations", java.util.Map.of())
                .date("created", "createdAt").date("finished", "finishedAt")
                .text("status", "status").constant("resident_on", org.xenplane.xenapi.service.Refs.NULL)
                .field("progress", v -> v.path("progress").asDouble())
                .constant("type", "")
                .field("result", org.xenplane.xenapi.service.XenFormats::taskResult)
                .field("error_info", org.xenplane.xenapi.service.XenFormats::taskError)
                .constant("other_config", java.util.Map.of())
                .constant("subtask_of", org.xenplane.xenapi.service.Refs.NULL).constant("subtasks", java.util.List.of())
                .constant("backtrace", "()")
                .of("task", "/api/v1/tasks", "task.read", "operation");
    }
}
