package org.xenplane.cli.xe;

import java.util.Map;
import java.util.TreeMap;
import org.xenplane.cli.Xenplane;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code xenplane xe <command> key=value ...}: XenServer's xe commands, for admins' habits and scripts. */
@Command(name = "xe", mixinStandardHelpOptions = true,
        description = "XenServer's xe commands: 'xenplane xe vm-list params=uuid,power-state', 'xenplane xe vm-start vm=web-1'.")
public final class XeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name an xe command; 'xenplane xe --help' lists them");
    }

    /** Every xe command: the generic ones of each class, then the operations. */
    public static Map<String, XeVerb> verbs() {
        Map<String, XeVerb> verbs = new TreeMap<>();
        for (XeClass xeClass : XeClass.values()) {
            verbs.put(xeClass.xeName + "-list", call -> XeParams.list(call, xeClass));
            verbs.put(xeClass.xeName + "-param-list", call -> XeParams.paramList(call, xeClass));
            verbs.put(xeClass.xeName + "-param-get", call -> XeParams.paramGet(call, xeClass));
        }
        verbs.put("vm-param-set", call -> XeParams.paramSet(call, XeClass.VM));
        verbs.put("network-param-set", call -> XeParams.paramSet(call, XeClass.NETWORK));
        XeVmVerbs.register(verbs);
        XeOtherVerbs.register(verbs);
        XeMoreVerbs.register(verbs);
        return verbs;
    }

    public static CommandLine build(Xenplane cli, CommandLine.IFactory factory) {
        CommandLine xe = new CommandLine(new XeCommand(), factory);
        verbs().forEach((name, verb) -> xe.addSubcommand(name, new XeInvocation(cli, verb)));
        return xe;
    }
}
