package org.xenplane.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xenplane.cli.CliException;
import org.xenplane.cli.ExitCode;
import org.xenplane.cli.Xenplane;
import org.xenplane.cli.http.ApiClient;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code xenplane login <url>}: opens a session (user and password, the password asked without
 * echo or read from standard input) or checks an API token, and stores it in a context.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Log in to a Xenplane server and remember it as a context (the current one).")
public final class LoginCommand implements Callable<Integer> {
    private final Xenplane cli;

    @Parameters(paramLabel = "URL", description = "the server, e.g. http://127.0.0.1:8080")
    String url;

    @Option(names = {"-u", "--user"}, description = "the user name (asked when not given)")
    String user;

    @ArgGroup(exclusive = true)
    Secret secret = new Secret();

    static final class Secret {
        @Option(names = "--password-stdin", description = "read the password from standard input")
        boolean passwordStdin;

        @Option(names = "--token", description = "an API token to use instead of a session ('-' reads it from standard input)")
        String token;
    }

    public LoginCommand(Xenplane cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        String server = url.replaceAll("/+$", "");
        Context context = secret.token != null ? withToken(server) : withPassword(server);
        ConfigFile config = cli.config();
        String name = cli.contextName() != null ? cli.contextName() : "default";
        config.write(config.read().with(name, context));
        cli.environment().err().println("logged in to " + server + " as " + context.user() + " (context " + name + ")");
        return 0;
    }

    private Context withToken(String server) {
        String token = "-".equals(secret.token) ? readLine() : secret.token;
        JsonNode who = new ApiClient(server, token).get("/session").body();
        return new Context(server, who.path("username").asText(), token, Context.CredentialKind.TOKEN);
    }

    private Context withPassword(String server) {
        String name = user != null ? user : ask("User: ");
        String password = secret.passwordStdin ? readLine() : askSecret("Password: ");
        JsonNode session = new ApiClient(server, null).post("/session", Map.of("username", name, "password", password)).body();
        return new Context(server, name, session.path("token").asText(), Context.CredentialKind.SESSION);
    }

    private String ask(String prompt) {
        if (cli.environment().console() == null) {
            throw new CliException(ExitCode.USAGE, "NO_TERMINAL", "no terminal to ask on: give --user");
        }
        return cli.environment().console().readLine(prompt);
    }

    private String askSecret(String prompt) {
        if (cli.environment().console() == null) {
            throw new CliException(ExitCode.USAGE, "NO_TERMINAL", "no terminal to ask on: give --password-stdin or --token");
        }
        return new String(cli.environment().console().readPassword(prompt));
    }

    private String readLine() {
        try {
            String line = new BufferedReader(new InputStreamReader(cli.environment().in(), StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new CliException(ExitCode.USAGE, "NO_SECRET", "standard input is empty");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
