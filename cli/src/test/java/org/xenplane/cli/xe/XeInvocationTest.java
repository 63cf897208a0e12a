package org.xenplane.cli.xe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xenplane.cli.Environment;
import org.xenplane.cli.Main;
import org.xenplane.cli.Xenplane;
import picocli.CommandLine;

class XeInvocationTest {

    @Test
    void keyValuePairsAndXesFlagsAreParsedByPicocliInAnyOrder() {
        XeInvocation invocation = new XeInvocation(new Xenplane(environment(new ByteArrayOutputStream())), call -> { });

        new CommandLine(invocation).parseArgs("uuid=3f1c", "--minimal", "params=name-label,power-state", "name-label=a=b");

        assertThat(invocation.args).containsExactly(Map.entry("uuid", "3f1c"), Map.entry("params", "name-label,power-state"),
                Map.entry("name-label", "a=b"));
        assertThat(invocation.minimal).isTrue();
        assertThat(invocation.force).isFalse();
    }

    @Test
    void anArgumentWithoutAnEqualsSignIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = Main.run(environment(err), "xe", "vm-list", "power-state");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("power-state");
    }

    @Test
    void anUnknownXeCommandIsAUsageError() {
        assertThat(Main.run(environment(new ByteArrayOutputStream()), "xe", "vm-frobnicate")).isEqualTo(2);
    }

    private static Environment environment(ByteArrayOutputStream err) {
        PrintStream stream = new PrintStream(err, true);
        return new Environment(Map.of("XENPLANE_URL", "http://127.0.0.1:1", "XENPLANE_TOKEN", "t"), System.in, stream, stream, null);
    }
}
