package org.xenplane.cli.xe;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xenplane.cli.Xenplane;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** One xe command's arguments, parsed by picocli: {@code key=value} pairs and xe's flags. */
@Command(mixinStandardHelpOptions = true)
public final class XeInvocation implements Callable<Integer> {
    private final Xenplane cli;
    private final XeVerb verb;

    @Parameters(paramLabel = "KEY=VALUE", arity = "0..*", description = "selectors (uuid=, name-label=, any param=value) and arguments")
    Map<String, String> args = new LinkedHashMap<>();

    @Option(names = "--minimal", description = "print only the uuids (or the params= field), comma-separated")
    boolean minimal;

    @Option(names = "--force", description = "force it (shutdown and reboot: hard)")
    boolean force;

    @Option(names = "--multiple", description = "act on every object the selectors match")
    boolean multiple;

    public XeInvocation(Xenplane cli, XeVerb verb) {
        this.cli = cli;
        this.verb = verb;
    }

    @Override
    public Integer call() {
        verb.run(new XeCall(cli, args, minimal, force, multiple));
        return 0;
    }
}
