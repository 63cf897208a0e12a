package org.xenplane.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The chart's values.yaml, as written. */
final class ChartValues {
    private ChartValues() {
    }

    static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Repository.chart().resolve("values.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> serviceNames() {
        List<String> names = new ArrayList<>();
        read().path("services").fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> enabledServiceNames() {
        JsonNode services = read().path("services");
        return serviceNames().stream().filter(n -> services.path(n).path("enabled").asBoolean()).sorted().toList();
    }

    static List<String> paths(String service) {
        List<String> paths = new ArrayList<>();
        read().path("services").path(service).path("paths").forEach(p -> paths.add(p.asText()));
        return paths;
    }

    static List<String> sharedPaths() {
        List<String> paths = new ArrayList<>();
        read().path("sharedPaths").path("paths").forEach(p -> paths.add(p.asText()));
        return paths;
    }

    static String sharedPathsService() {
        return read().path("sharedPaths").path("service").asText();
    }
}
