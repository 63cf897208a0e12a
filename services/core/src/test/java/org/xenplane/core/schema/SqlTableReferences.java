package org.xenplane.core.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The tables of the repository's service modules and the SQL that names them, read from the
 * sources: each module owns the tables its Flyway migrations create
 * ({@code services/<module>/src/main/resources/db/migration}), and its SQL is every Java string
 * literal (text blocks included) of its main sources that reads like SQL. A table is named where
 * it follows {@code from}, {@code join}, {@code into}, {@code update} or {@code table}, or inside
 * {@code to_regclass('...')}; names are matched in lower case only, so JPQL's entity names
 * ({@code from Vm}) are not table names. A name concatenated into the SQL from a variable is
 * reported as {@code dynamic:<variable>}: whose table it is cannot be read from the source.
 */
final class SqlTableReferences {
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern SQL = Pattern.compile(
            "(?is)^\\s*(select|insert|update|delete|with|from|join|where|and|or|order|group|create|alter|lock)\\b|\\bto_regclass\\b");
    private static final Pattern TABLE = Pattern.compile("(?i:\\b(?:from|join|into|update|table)\\s+)([a-z_][a-z0-9_]*)\\b"
            + "|to_regclass\\('([a-z_][a-z0-9_]*)'\\)");
    /** A table name the SQL takes from a variable ({@code "select 1 from " + table}): its owner cannot be read. */
    private static final Pattern DYNAMIC = Pattern.compile("(?i)(?:\\b(?:from|join|into|update|table)\\s+|to_regclass\\(')\"\\s*\\+\\s*(\\w+)");
    /** How {@link #references} names a table that SQL takes from a variable. */
    static final String DYNAMIC_PREFIX = "dynamic:";

    /** One place where a module's SQL names a table. */
    record Reference(String module, String file, String table) {
        @Override
        public String toString() {
            return module + ": " + file + " -> " + table;
        }
    }

    private final Path services;

    SqlTableReferences(Path services) {
        this.services = services;
    }

    /** The services directory of this checkout, from the module the test runs in. */
    static SqlTableReferences ofThisCheckout() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("services/core/src/main/java"))) {
                return new SqlTableReferences(p.resolve("services"));
            }
        }
        throw new IllegalStateException("no services/core above " + here);
    }

    /** Each table and the module whose migrations create it. */
    Map<String, String> owners() {
        Map<String, String> owners = new TreeMap<>();
        for (Path module : modules()) {
            Path migrations = module.resolve("src/main/resources/db/migration");
            if (!Files.isDirectory(migrations)) {
                continue;
            }
            for (Path sql : files(migrations, ".sql")) {
                Matcher m = CREATE_TABLE.matcher(read(sql));
                while (m.find()) {
                    String previous = owners.put(m.group(1).toLowerCase(), name(module));
                    if (previous != null && !previous.equals(name(module))) {
                        throw new IllegalStateException("table " + m.group(1) + " is created by " + previous + " and " + name(module));
                    }
                }
            }
        }
        return owners;
    }

    /** Every place where a module's main sources name a table in SQL (one per file and table). */
    List<Reference> references(Map<String, String> owners) {
        List<Reference> references = new ArrayList<>();
        for (Path module : modules()) {
            Path sources = module.resolve("src/main/java");
            for (Path java : files(sources, ".java")) {
                String file = sources.relativize(java).toString().replace('\\', '/');
                tablesIn(read(java), owners).forEach(t -> references.add(new Reference(name(module), file, t)));
            }
        }
        return references;
    }

    /** The known tables named by the SQL literals of one source file, each once, in order. */
    static List<String> tablesIn(String source, Map<String, String> owners) {
        List<String> tables = new ArrayList<>();
        Matcher dynamic = DYNAMIC.matcher(source);
        while (dynamic.find()) {
            String name = DYNAMIC_PREFIX + dynamic.group(1);
            if (!tables.contains(name)) {
                tables.add(name);
            }
        }
        Matcher literal = LITERAL.matcher(source);
        while (literal.find()) {
            String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
            if (!SQL.matcher(text).find()) {
                continue;
            }
            Matcher table = TABLE.matcher(text);
            while (table.find()) {
                String name = table.group(1) != null ? table.group(1) : table.group(2);
                if (owners.containsKey(name) && !tables.contains(name)) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }

    private List<Path> modules() {
        try (Stream<Path> dirs = Files.list(services)) {
            return dirs.filter(d -> Files.isDirectory(d.resolve("src/main"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Path module) {
        return module.getFileName().toString();
    }

    private static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
