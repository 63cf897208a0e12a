package org.xenplane.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * What the CLI runs in: environment variables, standard streams and the terminal (null when
 * standard input or output is not one). Given explicitly so that tests run the same code.
 */
public record Environment(Map<String, String> variables, InputStream in, PrintStream out, PrintStream err, Console console) {

    public static Environment system() {
        return new Environment(System.getenv(), System.in, System.out, System.err, System.console());
    }

    public boolean terminal() {
        return console != null;
    }

    /** The terminal's width from {@code COLUMNS}, 0 when not on a terminal or not known. */
    public int width() {
        if (!terminal()) {
            return 0;
        }
        try {
            return Integer.parseInt(variables.getOrDefault("COLUMNS", "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
