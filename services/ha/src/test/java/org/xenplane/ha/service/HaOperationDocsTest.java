package org.xenplane.ha.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The HA table of docs/api.md says exactly what {@link HaOperation} declares (role, states, errors). */
class HaOperationDocsTest {
    private static final Path API_DOC = Path.of("../../docs/api.md");

    /** Proves the documentation cannot drift from the declarations: a changed role, state or error fails here. */
    @Test
    void theApiGuidesHaTableMatchesTheDeclarations() throws IOException {
        Map<String, String[]> rows = rows();
        for (HaOperation op : HaOperation.values()) {
            String[] row = rows.remove(op.id());
            assertThat(row).as("docs/api.md has a row for %s", op.id()).isNotNull();
            assertThat(row[2]).as("role of %s", op.id()).isEqualTo(op.minimumRole().wireName());
            assertThat(row[3]).as("states of %s", op.id())
                    .isEqualTo(op.allowedStates().isEmpty() ? "any" : String.join(", ", op.allowedStates()));
            assertThat(row.length > 4 ? row[4] : "").as("errors of %s", op.id()).isEqualTo(op.errors().stream()
                    .map(e -> "`" + e.name() + "`").collect(Collectors.joining(", ")));
        }
        assertThat(rows.keySet()).as("rows for operations that are not declared").isEmpty();
    }

    /** The table's rows by operation id: [operation, call, role, allowed when, errors]. */
    private static Map<String, String[]> rows() throws IOException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(API_DOC)) {
            if (line.startsWith("| `ha.")) {
                String[] cells = Arrays.stream(line.substring(1, line.length() - 1).split(" \\| ", -1))
                        .map(String::trim).toArray(String[]::new);
                rows.put(cells[0].replace("`", ""), cells);
            }
        }
        return rows;
    }
}
