package org.xenplane.cli.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xenplane.cli.CliException;
import org.xenplane.cli.ExitCode;
import org.xenplane.cli.Xenplane;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code user create} and {@code token create}: accounts and API tokens. */
public final class AccountCommands {
    private AccountCommands() {
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a local user; the password is asked without echo, or read with --password-stdin.")
    public static final class CreateUser implements Callable<Integer> {
        private final Xenplane cli;

        @Parameters(paramLabel = "USERNAME")
        String username;

        @Option(names = "--role", required = true,
                description = "pool-admin, pool-operator, vm-power-admin, vm-admin, vm-operator or read-only")
        String role;

        @Option(names = "--full-name")
        String fullName;

        @Option(names = "--password-stdin", description = "read the password from standard input")
        boolean passwordStdin;

        public CreateUser(Xenplane cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("username", username, "role", role,
                    "password", password()));
            if (fullName != null) {
                body.put("fullName", fullName);
            }
            cli.printer().one(ResourceKind.USER, cli.api().post("/users", body).body());
            return 0;
        }

        private String password() {
            if (passwordStdin) {
                try {
                    String line = new BufferedReader(new InputStreamReader(cli.environment().in(), StandardCharsets.UTF_8)).readLine();
                    if (line != null && !line.isEmpty()) {
                        return line;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                throw new CliException(ExitCode.USAGE, "NO_SECRET", "standard input is empty");
            }
            if (cli.environment().console() == null) {
                throw new CliException(ExitCode.USAGE, "NO_TERMINAL", "no terminal to ask on: give --password-stdin");
            }
            return new String(cli.environment().console().readPassword("Password for %s: ", username));
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an API token; its secret is printed once, on standard output, and never again.")
    public static final class CreateToken implements Callable<Integer> {
        private final Xenplane cli;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--role", description = "at most your own (default: your own)")
        String role;

        @Option(names = "--expires-in", paramLabel = "SECONDS", description = "seconds until it expires (default: never)")
        Long expiresIn;

        public CreateToken(Xenplane cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name));
            if (role != null) {
                body.put("role", role);
            }
            if (expiresIn != null) {
                body.put("expiresInSeconds", expiresIn);
            }
            JsonNode created = cli.api().post("/tokens", body).body();
            // the one time the secret exists outside the server: the user asked for it to hand to a program
            cli.environment().out().println(created.path("token").asText());
            cli.environment().err().println("token " + name + " (" + created.path("id").asText()
                    + ") created; its secret above is shown only once");
            return 0;
        }
    }
}
