package org.xenplane.vm.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.xenplane.core.security.CallerKind;
import org.xenplane.vm.model.PowerState;

/** The VM operations table of docs/api.md says exactly what {@link VmOperation} declares. */
class VmOperationDocsTest {
    private static final Path API_DOC = Path.of("../../docs/api.md");

    @Test
    void theApiGuidesTableMatchesTheDeclarations() throws IOException {
        Map<String, String[]> rows = rows();
        for (VmOperation op : VmOperation.values()) {
            String[] row = rows.remove(op.id());
            assertThat(row).as("docs/api.md has a row for %s", op.id()).isNotNull();
            assertThat(row[2]).as("role of %s", op.id()).isEqualTo(role(op));
            assertThat(row[3]).as("states of %s", op.id()).isEqualTo(states(op));
            assertThat(row[4]).as("errors of %s", op.id()).isEqualTo(op.errors().stream()
                    .map(e -> "`" + e.name() + "`").collect(Collectors.joining(", ")));
        }
        assertThat(rows.keySet()).as("rows for operations that are not declared").isEmpty();
    }

    private static String role(VmOperation op) {
        return op.caller() == CallerKind.USER ? op.minimumRole().wireName() : "that host's daemon";
    }

    private static String states(VmOperation op) {
        if (op.allowedStates().isEmpty()) {
            return "any";
        }
        String states = Arrays.stream(PowerState.values()).filter(op.powerStates()::contains)
                .map(PowerState::wireName).collect(Collectors.joining(", "));
        String scoped = op.vmsOnly() ? states + "; VMs only" : states;
        return op.needs() == VmOperation.Needs.NOTHING ? scoped : scoped + "; " + op.needs().label();
    }

    /** The table's rows by operation id: [operation, call, role, allowed in, errors]. */
    private static Map<String, String[]> rows() throws IOException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(API_DOC)) {
            if (line.startsWith("| `vm.")) {
                String[] cells = Arrays.stream(line.substring(1, line.length() - 1).split(" \\| "))
                        .map(String::trim).toArray(String[]::new);
                rows.put(cells[0].replace("`", ""), cells);
            }
        }
        return rows;
    }
}
