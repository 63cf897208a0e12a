package org.xenplane.server;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every endpoint the running server documents, read from its own OpenAPI document. */
final class OpenApiEndpoints {
    private OpenApiEndpoints() {
    }

    static JsonPath document() {
        return given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    }

    static List<Endpoint> all() {
        JsonPath doc = document();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        List<Endpoint> endpoints = new ArrayList<>();
        paths.forEach((path, methods) -> methods.forEach((method, operation) ->
                endpoints.add(new Endpoint(method.toUpperCase(), path, operation, doc))));
        return endpoints;
    }

    /** One documented operation. */
    record Endpoint(String method, String path, Map<String, Object> operation, JsonPath doc) {

        boolean takesBody() {
            return operation.containsKey("requestBody");
        }

        /** A JSON body (most endpoints); streamed uploads (VDI import) take application/octet-stream. */
        @SuppressWarnings("unchecked")
        boolean takesJsonBody() {
            if (!takesBody()) {
                return false;
            }
            Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) operation.get("requestBody")).get("content");
            return content != null && content.containsKey("application/json");
        }

        String declaredOperation() {
            return (String) operation.get("x-xenplane-operation");
        }

        /** The properties of the JSON object the body takes, name to OpenAPI type. */
        @SuppressWarnings("unchecked")
        Map<String, Object> bodyProperties() {
            Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
            Map<String, Object> content = (Map<String, Object>) body.get("content");
            Map<String, Object> json = (Map<String, Object>) content.values().iterator().next();
            Map<String, Object> schema = (Map<String, Object>) json.get("schema");
            String ref = (String) schema.get("$ref");
            if (ref != null) {
                String name = ref.substring(ref.lastIndexOf('/') + 1);
                schema = doc.getMap("components.schemas." + name);
            }
            Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
            return properties == null ? Map.of() : properties;
        }

        String pathWith(String idValue) {
            return path.replaceAll("\\{[^}]+}", idValue);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
