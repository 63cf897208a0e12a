package org.xenplane.daemon.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OperationMemoTest {
    private final OperationMemo memo = new OperationMemo(100);

    @Test
    void concurrentAndLaterRepeatsOfAnOperationIdRunTheWorkOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> memo.run("h1", "op", "create", () -> {
            runs.incrementAndGet();
            inside.countDown();
            await(release);
            return "done";
        }));
        inside.await();
        List<CompletableFuture<String>> repeats = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            repeats.add(CompletableFuture.supplyAsync(() -> memo.run("h1", "op", "create", () -> "again-" + runs.incrementAndGet())));
        }
        release.countDown();
        assertThat(first.get()).isEqualTo("done");
        for (CompletableFuture<String> r : repeats) {
            assertThat(r.get()).isEqualTo("done");
        }
        assertThat(memo.<String>run("h1", "op", "create", () -> "late")).isEqualTo("done");
        assertThat(runs).hasValue(1);
        assertThat(memo.<String>run("h2", "op", "create", () -> "other host")).isEqualTo("other host");
    }

    @Test
    void aFailedOperationIsAnsweredWithTheSameFailureWhenRepeated() {
        IllegalStateException failure = new IllegalStateException("qemu-img failed");
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> memo.run("h1", "x", "resize", () -> {
            runs.incrementAndGet();
            throw failure;
        })).isSameAs(failure);
        assertThatThrownBy(() -> memo.run("h1", "x", "resize", () -> "second try")).isSameAs(failure);
        assertThat(runs).hasValue(1);
        assertThat(memo.<String>run("h1", "y", "resize", () -> "new attempt")).isEqualTo("new attempt");
    }

    @Test
    void theSameOperationIdForAnotherOperationIsRefused() {
        memo.run("h1", "op", "attach port vif1.0", () -> { });
        assertThatThrownBy(() -> memo.run("h1", "op", "detach port vif1.0", () -> { }))
                .isInstanceOf(OperationIdReusedException.class);
    }

    @Test
    void withoutAnOperationIdTheWorkRunsEveryTime() {
        AtomicInteger runs = new AtomicInteger();
        memo.run("h1", null, "scan", runs::incrementAndGet);
        memo.run("h1", null, "scan", runs::incrementAndGet);
        assertThat(runs).hasValue(2);
    }

    @Test
    void onlyFinishedOperationsAreForgottenBeyondTheCapacity() {
        OperationMemo small = new OperationMemo(2);
        AtomicInteger runs = new AtomicInteger();
        for (String id : List.of("a", "b", "c")) {
            small.run("h", id, "op", runs::incrementAndGet);
        }
        small.run("h", "c", "op", runs::incrementAndGet);
        assertThat(runs).hasValue(3);
        small.run("h", "a", "op", runs::incrementAndGet);
        assertThat(runs).as("the eldest was forgotten").hasValue(4);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
