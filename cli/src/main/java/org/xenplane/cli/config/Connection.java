package org.xenplane.cli.config;

import java.util.Map;
import org.xenplane.cli.CliException;
import org.xenplane.cli.ExitCode;

/**
 * Where and as whom a command talks: {@code XENPLANE_URL} and {@code XENPLANE_TOKEN} override
 * the chosen context ({@code --context}, else the current one).
 */
public record Connection(String url, String token) {

    public static Connection resolve(ConfigFile.Contexts contexts, String contextName, Map<String, String> environment) {
        String name = contextName != null ? contextName : contexts.current();
        Context context = name == null ? null : contexts.contexts().get(name);
        if (contextName != null && context == null) {
            throw new CliException(ExitCode.USAGE, "CONTEXT_UNKNOWN", "there is no context '" + contextName
                    + "'; the contexts are " + contexts.contexts().keySet());
        }
        String url = environment.getOrDefault("XENPLANE_URL", context == null ? null : context.url());
        String token = environment.getOrDefault("XENPLANE_TOKEN", context == null ? null : context.token());
        if (url == null || token == null) {
            throw new CliException(ExitCode.PERMISSION, "NOT_LOGGED_IN",
                    "not logged in; run 'xenplane login <url>' or set XENPLANE_URL and XENPLANE_TOKEN");
        }
        return new Connection(url.replaceAll("/+$", ""), token);
    }
}
