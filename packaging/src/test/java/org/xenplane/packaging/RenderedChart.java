package org.xenplane.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** The chart rendered by Helm (in-process, helm-java) as release "xp" in namespace "xenplane", parsed. */
final class RenderedChart {
    static final String RELEASE = "xp";
    static final String NAMESPACE = "xenplane";
    /** The release's base name, as the chart's xenplane.fullname makes it. */
    static final String FULLNAME = "xp-xenplane";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    final String text;
    final List<JsonNode> objects;

    private RenderedChart(String text, List<JsonNode> objects) {
        this.text = text;
        this.objects = objects;
    }

    /** Renders with the chart's own values. */
    static RenderedChart withDefaults() {
        return with(Map.of());
    }

    /** Renders with these --set values over the chart's own. Hooks are left out, as helm-java's template does. */
    static RenderedChart with(Map<String, Object> values) {
        return render(Repository.chart(), values);
    }

    /**
     * Renders a copy of the chart whose hook annotations are renamed ({@code helm.sh/hook} becomes
     * {@value #HOOK_SEEN_BY_TEST}), so that the objects Helm would create as hooks are in the output.
     */
    static RenderedChart withHooksShown(Map<String, Object> values) {
        try {
            Path copy = Files.createTempDirectory("xenplane-chart");
            Path chart = copy.resolve("xenplane");
            try (Stream<Path> files = Files.walk(Repository.chart())) {
                for (Path source : files.toList()) {
                    Path target = chart.resolve(Repository.chart().relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.writeString(target, Files.readString(source).replace("helm.sh/hook:", HOOK_SEEN_BY_TEST + ":"));
                    }
                }
            }
            return render(chart, values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String HOOK_SEEN_BY_TEST = "test.xenplane.io/helm-hook";

    private static RenderedChart render(Path chart, Map<String, Object> values) {
        TemplateCommand template = new Helm(chart).template().withName(RELEASE).withNamespace(NAMESPACE);
        new LinkedHashMap<>(values).forEach(template::set);
        String text = template.call();
        return new RenderedChart(text, parse(text));
    }

    /** Every service of values.yaml enabled, on an external database with a password Secret of the user's. */
    static Map<String, Object> allServicesEnabled() {
        Map<String, Object> values = new LinkedHashMap<>();
        ChartValues.serviceNames().forEach(name -> values.put("services." + name + ".enabled", true));
        values.put("postgresql.enabled", false);
        values.put("database.url", "jdbc:postgresql://db.example:5432/xenplane");
        values.put("database.existingSecret", "xenplane-db");
        return values;
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(o.path("metadata").path("name").asText())).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in:\n" + text));
    }

    /** Every container of every workload (Deployment, StatefulSet, DaemonSet, Job). */
    List<JsonNode> containers() {
        List<JsonNode> containers = new ArrayList<>();
        for (JsonNode o : objects) {
            JsonNode podSpec = o.path("spec").path("template").path("spec");
            for (String list : List.of("containers", "initContainers")) {
                podSpec.path(list).forEach(containers::add);
            }
        }
        return containers;
    }

    static JsonNode container(JsonNode workload) {
        return workload.path("spec").path("template").path("spec").path("containers").get(0);
    }

    static Optional<JsonNode> env(JsonNode container, String name) {
        return StreamSupport.stream(container.path("env").spliterator(), false)
                .filter(e -> name.equals(e.path("name").asText())).findFirst();
    }

    static String envValue(JsonNode container, String name) {
        return env(container, name).map(e -> e.path("value").asText())
                .orElseThrow(() -> new AssertionError("no env " + name + " in " + container));
    }

    private static List<JsonNode> parse(String text) {
        List<JsonNode> objects = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(text)) {
            var documents = YAML.readValues(parser, JsonNode.class);
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isMissingNode() && !(document instanceof ArrayNode)) {
                    objects.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("helm template printed YAML that does not parse:\n" + text, e);
        }
        return objects;
    }
}
