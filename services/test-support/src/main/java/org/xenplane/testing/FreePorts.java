package org.xenplane.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports for the processes a test starts, the one way tests pick them.
 *
 * <p>Ports come from 20000-32767: below Linux's ephemeral range (32768-60999), from which the OS
 * gives every port-0 bind (an embedded PostgreSQL's, a client's), so that nothing takes the port
 * between this check and the process binding it. Asking the OS for port 0 instead failed CI twice:
 * the port was given to someone else before the test's process bound it. A port is never handed
 * out twice in one JVM; test JVMs that run at once (failsafe forks) each take their own slice of
 * the range, {@code -Dxenplane.test.port-slice=<k>/<n>} (the k-th of n, from 1), so that two forks
 * never hand out the same port either.
 */
public final class FreePorts {

    private static final int RANGE_START = 20_000;
    private static final int RANGE_SIZE = 12_768;
    private static final int FIRST;
    private static final int COUNT;

    static {
        String[] slice = System.getProperty("xenplane.test.port-slice", "1/1").split("/");
        int k = Integer.parseInt(slice[0].trim());
        int n = Integer.parseInt(slice[1].trim());
        if (n < 1 || k < 1 || k > n) {
            throw new IllegalArgumentException("xenplane.test.port-slice must be k/n with 1 <= k <= n");
        }
        COUNT = RANGE_SIZE / n;
        FIRST = RANGE_START + (k - 1) * COUNT;
    }
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /** A port nothing listens on now and that this JVM has not handed out before. */
    public static int next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = FIRST + random.nextInt(COUNT);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                if (HANDED_OUT.add(port)) {
                    return port;
                }
            } catch (IOException inUse) {
                // taken: try another
            }
        }
        throw new UncheckedIOException(new IOException("no free port found in " + FIRST + "-" + (FIRST + COUNT - 1)));
    }
}
