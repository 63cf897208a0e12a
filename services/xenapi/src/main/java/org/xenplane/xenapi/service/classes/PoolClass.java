package org.xenplane.xenapi.service.classes;

import jakarta.enterprise.context.ApplicationScoped;
import org.xenplane.xenapi.service.XenClass;

/** XenAPI {@code pool} over {@code /api/v1/pool}: Xenplane has one pool; its master is the first host to have joined. */
@ApplicationScoped
public class PoolClass implements XenClass.Declaration, org.xenplane.xenapi.service.Setters.Settable {
    @Override
    public com.fasterxml.jackson.databind.JsonNode complete(com.fasterxml.jackson.databind.JsonNode view,
            java.util.function.Function<String, com.fasterxml.jackson.databind.JsonNode> get) {
        com.fasterxml.jackson.databind.node.ObjectNode pool = view.deepCopy();
        com.fasterxml.jackson.databind.JsonNode hosts = get.apply("/api/v1/hosts");
        pool.set("masterId", hosts.size() == 0 ? null : hosts.get(0).get("id"));
        return pool;
    }

    @Override
    public XenClass xenClass() {
        return new XenClass.Fields()
                .uuid()
                .text("name_label", "name").text("name_description", "description")
                .ref("master", "host", "masterId")
                .constant("default_SR", org.xenplane.xenapi.service.Refs.NULL)
                .map("other_config", "otherConfig")
                .constant("ha_enabled", false)
                .singleton("pool", "/api/v1/pool", "pool.read", "name");
    }

    @Override
    public String updateOperation() {
        return "pool.update";
    }

    /** What {@code PATCH /api/v1/pool} changes. */
    @Override
    public void setters(org.xenplane.xenapi.service.Setters s) {
        s.text("name_label", "name").text("name_description", "description").map("other_config", "otherConfig");
    }
}
