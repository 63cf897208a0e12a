package org.xenplane.cli.xe;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xenplane.cli.CliException;
import org.xenplane.cli.ExitCode;
import org.xenplane.cli.Xenplane;
import org.xenplane.cli.http.ApiClient;
import org.xenplane.cli.http.TaskWaiter;
import org.xenplane.cli.resource.Resolver;

/** One xe command as given: its {@code key=value} arguments and flags, and what it needs to act. */
public final class XeCall {
    private final Xenplane cli;
    private final Map<String, String> args;
    final boolean minimal;
    final boolean force;
    final boolean multiple;
    private ApiClient api;

    public XeCall(Xenplane cli, Map<String, String> args, boolean minimal, boolean force, boolean multiple) {
        this.cli = cli;
        this.args = args;
        this.minimal = minimal;
        this.force = force || "true".equals(args.get("force"));
        this.multiple = multiple;
    }

    ApiClient api() {
        if (api == null) {
            api = cli.api();
        }
        return api;
    }

    Resolver resolver() {
        return cli.resolver(api());
    }

    PrintStream out() {
        return cli.environment().out();
    }

    String arg(String key) {
        String value = args.get(key);
        if (value == null || value.isEmpty()) {
            throw new CliException(ExitCode.USAGE, "MISSING_ARGUMENT", "this command needs " + key + "=");
        }
        return value;
    }

    String arg(String key, String otherwise) {
        return args.getOrDefault(key, otherwise);
    }

    Map<String, String> args() {
        return args;
    }

    /** The objects of the class the selectors pick; any key that is neither a selector nor in {@code accepted} is refused. */
    List<JsonNode> select(XeClass xeClass, Set<String> accepted) {
        Map<String, String> selectors = new LinkedHashMap<>();
        args.forEach((key, value) -> {
            if (XeSelection.isSelector(xeClass, key) && !accepted.contains(key)) {
                selectors.put(key, value);
            } else if (!accepted.contains(key) && !key.equals("params") && !key.equals("force")) {
                throw new CliException(ExitCode.USAGE, "UNKNOWN_FIELD", "unknown field '" + key + "' for "
                        + xeClass.xeName + "; its fields are " + xeClass.params.stream().map(XeParam::name).toList());
            }
        });
        return XeSelection.filter(xeClass, selectors, resolver().list(xeClass.kind));
    }

    /** Like {@link #select}, for an operation: exactly one object, or several with {@code --multiple}. */
    List<JsonNode> targets(XeClass xeClass, Set<String> accepted) {
        return XeSelection.targets(xeClass, select(xeClass, accepted), multiple);
    }

    /** Prints the uuid of what a create made, as xe does: the answer's object, or a long creation's task result. */
    void printCreated(ApiClient.Reply reply) {
        JsonNode done = finish(reply);
        out().println(reply.status() == 202 ? done.path("result").path("id").asText() : reply.body().path("id").asText());
    }

    /** Waits, silently as xe does, for the task of a long operation's answer. */
    JsonNode finish(ApiClient.Reply reply) {
        if (reply.status() == 202) {
            String task = reply.task().orElse(reply.body().path("id").asText());
            return new TaskWaiter(api(), new PrintStream(OutputStream.nullOutputStream()), null).await(task);
        }
        return reply.body();
    }
}
