package org.xenplane.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The PromQL of the chart's Grafana dashboards ({@code charts/xenplane/dashboards/*.json}): each
 * panel target's {@code expr}, and each query variable's {@code label_values(...)}, in the order
 * Grafana resolves them.
 */
final class DashboardQueries {
    static final Path DASHBOARDS = Path.of("../../charts/xenplane/dashboards");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((?:(.*),)?\\s*(\\w+)\\s*\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)}?");

    /** A dashboard's query variable: {@code label_values(series, label)} (series may be absent). */
    record Variable(String dashboard, String name, String series, String label) {
    }

    /** A panel's query. */
    record Panel(String dashboard, String title, String expr) {
        @Override
        public String toString() {
            return dashboard + " / " + title + ": " + expr;
        }
    }

    record Dashboard(String file, List<Variable> variables, List<Panel> panels) {
    }

    private DashboardQueries() {
    }

    static List<Dashboard> all() throws IOException {
        List<Dashboard> dashboards = new ArrayList<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                dashboards.add(read(file));
            }
        }
        return dashboards;
    }

    private static Dashboard read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        String name = file.getFileName().toString();
        List<Variable> variables = new ArrayList<>();
        for (JsonNode v : root.path("templating").path("list")) {
            if (!"query".equals(v.path("type").asText())) {
                continue;
            }
            String definition = v.path("definition").asText(v.path("query").path("query").asText(v.path("query").asText()));
            Matcher m = LABEL_VALUES.matcher(definition);
            if (!m.matches()) {
                throw new AssertionError(name + ": variable " + v.path("name").asText() + " is not label_values(...): " + definition);
            }
            variables.add(new Variable(name, v.path("name").asText(), m.group(1) == null ? null : m.group(1).trim(), m.group(2)));
        }
        List<Panel> panels = new ArrayList<>();
        collectPanels(name, root.path("panels"), panels);
        return new Dashboard(name, variables, panels);
    }

    private static void collectPanels(String dashboard, JsonNode panels, List<Panel> out) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    out.add(new Panel(dashboard, panel.path("title").asText(), target.get("expr").asText()));
                }
            }
            collectPanels(dashboard, panel.path("panels"), out); // panels inside rows
        }
    }

    /** The expression with each {@code $name} / {@code ${name}} replaced by the variable's value. */
    static String substitute(String expr, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new AssertionError("no value for $" + m.group(1) + " in " + expr);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
