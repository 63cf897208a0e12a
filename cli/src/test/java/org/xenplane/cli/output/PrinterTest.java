package org.xenplane.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xenplane.cli.resource.ResourceKind;

class PrinterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Test
    void fieldsChooseTheColumnsAndDottedPathsReachIntoObjects() throws Exception {
        JsonNode task = JSON.readTree("{\"id\": \"t1\", \"status\": \"failure\", \"error\": {\"code\": \"VDI_IN_USE\"}}");

        printer(OutputFormat.TABLE, List.of("id", "error.code", "result")).list(ResourceKind.TASK, List.of(task));

        assertThat(printed()).isEqualTo("ID  ERROR.CODE  RESULT\nt1  VDI_IN_USE  -\n");
    }

    @Test
    void wideAddsTheKindsExtraColumnsAndNamePrintsOnlyNames() throws Exception {
        JsonNode host = JSON.readTree("{\"id\": \"h1\", \"name\": \"host-1\", \"enabled\": true, \"live\": true,"
                + " \"memoryFree\": 1024, \"address\": \"10.0.0.1\", \"cpuCount\": 4, \"memoryTotal\": 2048}");

        printer(OutputFormat.WIDE, null).list(ResourceKind.HOST, List.of(host));
        printer(OutputFormat.NAME, null).list(ResourceKind.HOST, List.of(host));

        assertThat(printed()).isEqualTo("NAME    ID  ENABLED  LIVE  MEMORY-FREE  ADDRESS   CPUS  MEMORY\n"
                + "host-1  h1  true     true  1024         10.0.0.1  4     2048\nhost-1\n");
    }

    @Test
    void yamlIsTheObjectAsItIs() throws Exception {
        printer(OutputFormat.YAML, null).one(ResourceKind.VM, JSON.readTree("{\"name\": \"web-1\", \"vcpusMax\": 2}"));

        assertThat(printed()).isEqualTo("name: web-1\nvcpusMax: 2\n");
    }

    private Printer printer(OutputFormat format, List<String> fields) {
        return new Printer(new PrintStream(bytes, true, StandardCharsets.UTF_8), format, fields, 0);
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
