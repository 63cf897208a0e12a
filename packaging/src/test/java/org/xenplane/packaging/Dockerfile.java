package org.xenplane.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A Dockerfile read into instructions (continuation lines joined, comments dropped). */
record Dockerfile(Path file, List<Instruction> instructions) {

    record Instruction(String keyword, String arguments) {
        /** The words of the arguments, flags (--x=y) left out. */
        List<String> words() {
            return Arrays.stream(arguments.trim().split("\\s+")).filter(w -> !w.startsWith("--")).toList();
        }

        List<String> flags() {
            return Arrays.stream(arguments.trim().split("\\s+")).filter(w -> w.startsWith("--")).toList();
        }
    }

    record Copy(List<String> sources, String destination) {
    }

    static Dockerfile read(Path file) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        try {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.strip();
                if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                    continue;
                }
                if (trimmed.endsWith("\\")) {
                    current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                    continue;
                }
                current.append(trimmed);
                String text = current.toString().strip();
                int space = text.indexOf(' ');
                instructions.add(new Instruction(text.substring(0, space).toUpperCase(), text.substring(space + 1).strip()));
                current.setLength(0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Dockerfile(file, instructions);
    }

    String name() {
        return file.getFileName().toString().replace(".Dockerfile", "");
    }

    List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    Optional<Instruction> last(String keyword) {
        List<Instruction> matching = all(keyword);
        return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
    }

    /** COPY and ADD from the build context (not from another stage). */
    List<Copy> copiesFromContext() {
        List<Copy> copies = new ArrayList<>();
        for (Instruction i : instructions) {
            if ((i.keyword().equals("COPY") || i.keyword().equals("ADD")) && i.flags().stream().noneMatch(f -> f.startsWith("--from"))) {
                List<String> words = i.words();
                copies.add(new Copy(words.subList(0, words.size() - 1), words.get(words.size() - 1)));
            }
        }
        return copies;
    }

    /** The shell command of HEALTHCHECK ... CMD <command> (shell form). */
    Optional<String> healthCheckCommand() {
        return last("HEALTHCHECK").map(i -> i.arguments().substring(i.arguments().indexOf("CMD ") + 4).strip());
    }
}
