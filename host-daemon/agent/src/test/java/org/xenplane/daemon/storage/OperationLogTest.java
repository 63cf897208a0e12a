package org.xenplane.daemon.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OperationLogTest {
    private final OperationLog log = new OperationLog(100);

    @Test
    void concurrentAndLaterRepeatsOfAnOperationIdRunTheWorkOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> log.once("h1", "op", () -> {
            runs.incrementAndGet();
            inside.countDown();
            await(release);
            return "done";
        }));
        inside.await();
        List<CompletableFuture<String>> repeats = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            repeats.add(CompletableFuture.supplyAsync(() -> log.once("h1", "op", () -> "again-" + runs.incrementAndGet())));
        }
        release.countDown();
        assertThat(first.get()).isEqualTo("done");
        for (CompletableFuture<String> r : repeats) {
            assertThat(r.get()).isEqualTo("done");
        }
        assertThat(log.<String>once("h1", "op", () -> "late")).isEqualTo("done");
        assertThat(runs).hasValue(1);
        assertThat(log.<String>once("h2", "op", () -> "other host")).isEqualTo("other host");
    }

    @Test
    void aFailedOperationRunsAgainWhenRetried() {
        assertThatThrownBy(() -> log.once("h1", "x", () -> {
            throw new StorageFailure("qemu-img failed");
        })).isInstanceOf(StorageFailure.class);
        assertThat(log.<String>once("h1", "x", () -> "second try")).isEqualTo("second try");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
