package org.xenplane.cli.xe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xenplane.cli.CliException;
import org.xenplane.cli.ExitCode;

class XeSelectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<JsonNode> vms = List.of(vm("a", "web-1", "running"), vm("b", "web-2", "halted"), vm("c", "db", "halted"));

    @Test
    void everyParamSelectorMustMatchAndTheClassNameSelectsByNameOrUuid() {
        assertThat(ids(Map.of("power-state", "halted"))).containsExactly("b", "c");
        assertThat(ids(Map.of("power-state", "halted", "name-label", "db"))).containsExactly("c");
        assertThat(ids(Map.of("vm", "web-1"))).containsExactly("a");
        assertThat(ids(Map.of("vm", "b"))).containsExactly("b");
        assertThat(ids(Map.of())).containsExactly("a", "b", "c");
    }

    @Test
    void anOperationNeedsOneTargetUnlessMultipleIsGiven() {
        List<JsonNode> halted = XeSelection.filter(XeClass.VM, Map.of("power-state", "halted"), vms);

        assertThat(XeSelection.targets(XeClass.VM, halted, true)).hasSize(2);
        assertThatThrownBy(() -> XeSelection.targets(XeClass.VM, halted, false))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.code()).isEqualTo("MULTIPLE_MATCHES"));
        assertThatThrownBy(() -> XeSelection.targets(XeClass.VM, List.of(), false))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exit()).isEqualTo(ExitCode.NOT_FOUND));
    }

    private List<String> ids(Map<String, String> selectors) {
        return XeSelection.filter(XeClass.VM, selectors, vms).stream().map(v -> v.path("id").asText()).toList();
    }

    private static JsonNode vm(String id, String name, String state) {
        return JSON.createObjectNode().put("id", id).put("name", name).put("powerState", state);
    }
}
