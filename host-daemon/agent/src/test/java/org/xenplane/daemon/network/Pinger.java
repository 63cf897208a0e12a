package org.xenplane.daemon.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ping running in a test namespace while something changes, every 50 ms for a fixed count: it
 * says afterwards how many echoes went unanswered, so a test can tell "reachable throughout".
 */
final class Pinger {
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) packets transmitted, (\\d+) received");
    private final Process process;

    private Pinger(Process process) {
        this.process = process;
    }

    /** Starts {@code count} pings of {@code address} from the namespace, one every 50 ms. */
    static Pinger start(Netns from, String address, int count) {
        try {
            return new Pinger(new ProcessBuilder("ip", "netns", "exec", from.name, "ping", "-n", "-i", "0.05", "-W", "1",
                    "-c", Integer.toString(count), address).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ping", e);
        }
    }

    /** Waits for the last ping; returns how many of them were not answered. */
    int lost() throws IOException, InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("ping did not finish");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher summary = SUMMARY.matcher(output);
        if (!summary.find()) {
            throw new AssertionError("no ping summary in: " + output);
        }
        return Integer.parseInt(summary.group(1)) - Integer.parseInt(summary.group(2));
    }
}
