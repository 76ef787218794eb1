package io.timetracker.api.web;

import io.timetracker.command.common.TargetedCommand;
import io.timetracker.query.common.Versioned;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * PUT/PATCH as a merge of the body over the resource's current state, without lost updates. With
 * {@code If-Match} the client names the version it merged over, and a stale one is 409. Without it the
 * server merges over the version it just read; when someone else wrote in between, the command fails with a
 * version conflict and the merge is redone over a fresh read (the read model already shows the competing write),
 * a few times, so concurrent PATCHes of different fields all land.
 */
@Component
public class PartialUpdates {

    private final CommandDispatcher commands;
    private final int attempts;
    private final Duration backoff;

    public PartialUpdates(CommandDispatcher commands,
                          @Value("${timetracker.updates.merge-attempts:10}") int attempts,
                          @Value("${timetracker.updates.merge-backoff:5ms}") Duration backoff) {
        this.commands = commands;
        this.attempts = attempts;
        this.backoff = backoff;
    }

    /**
     * @param read   the resource as the read model has it now (404 when missing)
     * @param merge  the command for the body merged over the current value, expecting the given version
     */
    public <V> void apply(HttpServletRequest request, Supplier<Versioned<V>> read,
                          BiFunction<V, Long, TargetedCommand> merge) {
        Long clientVersion = Preconditions.ifMatch(request);
        for (int attempt = 1; ; attempt++) {
            Versioned<V> current = read.get();
            TargetedCommand command = merge.apply(current.value(),
                    clientVersion != null ? clientVersion : current.version());
            try {
                commands.send(command);
                return;
            } catch (RuntimeException failure) {
                if (clientVersion != null || attempt >= attempts || !isVersionConflict(failure)) {
                    throw failure;
                }
                pause();
            }
        }
    }

    private static boolean isVersionConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConflictingModificationException || cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    /** A random pause, so that writers who collided do not collide again in lockstep. */
    private void pause() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(backoff.toMillis() + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying an update", e);
        }
    }
}
