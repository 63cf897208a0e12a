package org.xenplane.cli.xe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class XeFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void recordsHaveXesLayoutTheUuidFlushLeftTheOtherLabelsRightAligned() throws Exception {
        JsonNode vm = JSON.readTree("{\"id\": \"3f1c\", \"name\": \"web-1\", \"powerState\": \"running\"}");

        List<String> lines = XeFormat.records(List.of(vm, vm), XeClass.VM.params.stream()
                .filter(p -> XeClass.VM.listed.contains(p.name())).toList());

        assertThat(lines).containsExactly(
                "uuid ( RO)       : 3f1c",
                " name-label ( RW): web-1",
                "power-state ( RO): running",
                "",
                "uuid ( RO)       : 3f1c",
                " name-label ( RW): web-1",
                "power-state ( RO): running",
                "",
                "");
    }

    @Test
    void setsMapsAndMissingValuesReadAsInXe() throws Exception {
        JsonNode vm = JSON.readTree("{\"allowedOperations\": [\"start\", \"clone\"], \"otherConfig\": {\"a\": \"1\", \"b\": \"2\"},"
                + " \"residentOn\": null}");

        assertThat(XeFormat.value(vm, "allowedOperations")).isEqualTo("start; clone");
        assertThat(XeFormat.value(vm, "otherConfig")).isEqualTo("a: 1; b: 2");
        assertThat(XeFormat.value(vm, "residentOn")).isEqualTo("<not in database>");
        assertThat(XeFormat.minimal(List.of(JSON.readTree("{\"id\": \"a\"}"), JSON.readTree("{\"id\": \"b\"}")),
                XeClass.VM.params.get(0))).isEqualTo("a,b");
    }
}
