package org.xenplane.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xenplane.cli.resource.Column;
import org.xenplane.cli.resource.ResourceKind;

/** Prints objects in the chosen {@link OutputFormat}, with the columns {@code --fields} asks for. */
public final class Printer {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private final PrintStream out;
    private final OutputFormat format;
    private final List<String> fields;
    private final int width;

    /** {@code width}: the terminal's columns (0 when not a terminal: nothing is cut). */
    public Printer(PrintStream out, OutputFormat format, List<String> fields, int width) {
        this.out = out;
        this.format = format;
        this.fields = fields == null ? List.of() : fields;
        this.width = width;
    }

    public void list(ResourceKind kind, List<JsonNode> objects) {
        switch (format) {
            case JSON -> out.println(write(JSON, objects));
            case YAML -> out.print(write(YAML, objects));
            case NAME -> objects.forEach(o -> out.println(o.path(kind.labelField()).asText()));
            case TABLE, WIDE -> table(columns(kind), objects).render(width).forEach(out::println);
        }
    }

    /** One object: JSON or YAML as it is, a name, or every field (or the {@code --fields}) as {@code field: value} lines. */
    public void one(ResourceKind kind, JsonNode object) {
        if (format == OutputFormat.NAME) {
            out.println(object.path(kind.labelField()).asText());
        } else {
            unnamed(object);
        }
    }

    /** An object with no name (the pool's HA): JSON or YAML as it is, or {@code field: value} lines; nothing with {@code -o name}. */
    public void unnamed(JsonNode object) {
        switch (format) {
            case JSON -> out.println(write(JSON, object));
            case YAML -> out.print(write(YAML, object));
            case NAME -> { }
            case TABLE, WIDE -> details(object);
        }
    }

    private void details(JsonNode object) {
        List<String> names = new ArrayList<>(fields);
        if (names.isEmpty()) {
            object.fieldNames().forEachRemaining(names::add);
        }
        Table table = new Table(List.of("FIELD", "VALUE"));
        names.forEach(name -> table.add(List.of(name, Fields.text(object, name))));
        table.render(width).stream().skip(1).forEach(out::println);
    }

    private List<Column> columns(ResourceKind kind) {
        if (!fields.isEmpty()) {
            return fields.stream().map(f -> Column.of(f.toUpperCase(java.util.Locale.ROOT), f)).toList();
        }
        List<Column> columns = new ArrayList<>(kind.columns);
        if (format == OutputFormat.WIDE) {
            columns.addAll(kind.wideColumns);
        }
        return columns;
    }

    private static Table table(List<Column> columns, List<JsonNode> objects) {
        Table table = new Table(columns.stream().map(Column::header).toList());
        objects.forEach(o -> table.add(columns.stream().map(c -> Fields.text(o, c.field())).toList()));
        return table;
    }

    /** A line for people (not printed with {@code -o json|yaml|name}, where only data goes to standard output). */
    public void note(String line) {
        if (format == OutputFormat.TABLE || format == OutputFormat.WIDE) {
            out.println(line);
        }
    }

    /** A document for programs, as it is (a task with {@code -o json}, a map). */
    public void document(Object value) {
        switch (format) {
            case YAML -> out.print(write(YAML, value));
            default -> out.println(write(JSON, value));
        }
    }

    public OutputFormat format() {
        return format;
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value instanceof Map<?, ?> m ? m : value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
