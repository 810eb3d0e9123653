package org.apdm.gui.task;

import static org.apdm.gui.GuiTestKit.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apdm.core.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** Work runs off the FX thread; its progress reaches the screen coalesced, its log lines all and in order; cancel is a request. */
@ExtendWith(ApplicationExtension.class)
class BackgroundTasksTest {

    @Test
    void aFloodOfProgressIsCoalescedAndEveryLineArrivesInOrder() throws Exception {
        BackgroundTasks tasks = new BackgroundTasks();
        AtomicInteger changes = new AtomicInteger();
        List<String> lines = new ArrayList<>();
        AtomicReference<String> workerThread = new AtomicReference<>();
        Job<Integer> job = fx(() -> {
            Job<Integer> j = tasks.submit("flood", (listener, cancel) -> {
                workerThread.set(Thread.currentThread().getName());
                long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(600);
                int n = 0;
                while (System.nanoTime() < end) {
                    listener.onProgress(new Progress("scan", ++n, -1, "file" + n));
                    if (n % 1000 == 0) {
                        listener.onMessage("line " + n / 1000);
                    }
                }
                return n;
            }, v -> { }, e -> { });
            j.currentItemProperty().addListener((o, a, b) -> changes.incrementAndGet());
            j.onLine(lines::add);
            return j;
        });
        int sent = job.future().get(20, TimeUnit.SECONDS);

        assertTrue(workerThread.get().startsWith("apdm-work-"), workerThread.get());
        assertTrue(sent > 1000, "the worker sent many updates: " + sent);
        assertTrue(changes.get() <= 600 / BackgroundTasks.TICK_MILLIS + 3,
                changes.get() + " screen updates for " + sent + " reports in 0.6 s");
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= sent / 1000; i++) {
            expected.add("line " + i);
        }
        assertEquals(expected, fx(() -> List.copyOf(lines)));
        assertEquals("file" + sent, fx(() -> job.currentItemProperty().get()), "the last report is shown at the end");
        tasks.close();
    }

    @Test
    void cancelAsksTheWorkToStopAndItsResultStillArrives() throws Exception {
        BackgroundTasks tasks = new BackgroundTasks();
        AtomicReference<String> result = new AtomicReference<>();
        Job<String> job = fx(() -> tasks.submit("wait", (listener, cancel) -> {
            while (!cancel.isCancelled()) {
                Thread.onSpinWait();
            }
            return "stopped at a safe point";
        }, result::set, e -> { }));
        fx(job::cancel);

        assertEquals("stopped at a safe point", job.future().get(20, TimeUnit.SECONDS));
        assertEquals("stopped at a safe point", fx(result::get));
        assertEquals(Job.State.SUCCEEDED, fx(() -> job.stateProperty().get()));
        tasks.close();
    }
}
