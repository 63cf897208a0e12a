package org.xenplane.cli.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xenplane.cli.CliException;
import org.xenplane.cli.ExitCode;

class NameMatcherTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String A = "6a1f2d3e-0000-4000-8000-000000000001";
    private static final String B = "6a1f2d3e-0000-4000-8000-000000000002";
    private static final String C = "6a1f2d3e-0000-4000-8000-000000000003";

    private final List<JsonNode> vms = List.of(vm(A, "web-1"), vm(B, "db"), vm(C, "db"));

    @Test
    void aUniqueNameOrAnIdFindsItsObject() {
        assertThat(NameMatcher.match(ResourceKind.VM, "web-1", vms).path("id").asText()).isEqualTo(A);
        assertThat(NameMatcher.match(ResourceKind.VM, B, vms).path("id").asText()).isEqualTo(B);
    }

    @Test
    void anAmbiguousNameIsAUsageErrorListingTheMatches() {
        assertThatThrownBy(() -> NameMatcher.match(ResourceKind.VM, "db", vms))
                .isInstanceOfSatisfying(CliException.class, e -> {
                    assertThat(e.exit()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.code()).isEqualTo("NAME_AMBIGUOUS");
                    assertThat(e.getMessage()).contains(B, C).doesNotContain(A);
                });
    }

    @Test
    void anUnknownNameIsNotFound() {
        assertThatThrownBy(() -> NameMatcher.match(ResourceKind.VM, "web-9", vms))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exit()).isEqualTo(ExitCode.NOT_FOUND));
    }

    @Test
    void kindsWithoutNamesAreFoundOnlyById() {
        JsonNode vbd = vm(A, "web-1");
        assertThatThrownBy(() -> NameMatcher.match(ResourceKind.VBD, "web-1", List.of(vbd)))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.getMessage()).contains("with id 'web-1'"));
    }

    private static JsonNode vm(String id, String name) {
        return JSON.createObjectNode().put("id", id).put("name", name);
    }
}
