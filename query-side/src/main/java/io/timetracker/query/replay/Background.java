package io.timetracker.query.replay;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The worker threads of a rebuild (replay writers, index builders): daemons, named, waited for as one. */
final class Background {

    private Background() {
    }

    static ExecutorService threads(int count, String name) {
        return Executors.newFixedThreadPool(Math.max(1, count), runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Waits for every one of {@code tasks}; the first failure is thrown as it was, {@code what} names the work. */
    static void awaitAll(List<? extends Future<?>> tasks, String what) {
        try {
            for (Future<?> task : tasks) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while " + what, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException(what + " failed", e.getCause());
        }
    }
}
