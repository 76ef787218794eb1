package io.timetracker.api.support;

import io.timetracker.events.client.ClientCreated;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Failures a test can ask for, for what cannot be provoked from outside: with the request header {@value
 * #FAIL_READS_AFTER_COMMIT}, every query the request sends after one of its commands committed fails, as when the
 * database goes away right after a write; and a client whose name starts with {@value #FAILS_IN_A_PROJECTION}
 * makes a projection fail on its creation; while {@link #holdLateCommits} holds them, the creation of a client whose
 * name starts with {@value #COMMITS_LATE} waits before its transaction commits (its events already appended).
 * Otherwise nothing changes.
 */
@TestConfiguration
public class TestFaults {

    public static final String FAIL_READS_AFTER_COMMIT = "X-Test-Fail-Reads-After-Commit";
    public static final String FAILS_IN_A_PROJECTION = "fails-in-a-projection";
    public static final String COMMITS_LATE = "commits-late";

    private static volatile LateCommits lateCommits = new LateCommits();

    private static final String COMMITTED = TestFaults.class.getName() + ".committed";

    @Autowired
    void register(CommandBus commands, QueryBus queries) {
        commands.registerHandlerInterceptor((MessageHandlerInterceptor<CommandMessage<?>>) (unitOfWork, chain) -> {
            HttpServletRequest request = faultyRequest();
            if (request != null) {
                unitOfWork.afterCommit(committed -> request.setAttribute(COMMITTED, true));
            }
            return chain.proceed();
        });
        queries.registerHandlerInterceptor((MessageHandlerInterceptor<QueryMessage<?, ?>>) (unitOfWork, chain) -> {
            HttpServletRequest request = faultyRequest();
            if (request != null && request.getAttribute(COMMITTED) != null) {
                throw new IllegalStateException("Simulated failure of a read after a committed write");
            }
            return chain.proceed();
        });
    }

    /** A projection (an inline event handler like every other) that fails on one kind of client. */
    public static class FailingProjection {

        @EventHandler
        void on(ClientCreated event) {
            if (event.details().name().startsWith(FAILS_IN_A_PROJECTION)) {
                throw new IllegalStateException("Simulated failure of a projection");
            }
        }
    }

    /**
     * Holds the commit of every client created {@value #COMMITS_LATE} from now on until {@link LateCommits#release};
     * {@link LateCommits#awaitHeld} waits until one is being held.
     */
    public static LateCommits holdLateCommits() {
        lateCommits = new LateCommits();
        return lateCommits;
    }

    /** Late commits being held. */
    public static final class LateCommits {

        /** One permit per commit held and not yet awaited. */
        private final Semaphore held = new Semaphore(0);
        private final CountDownLatch released = new CountDownLatch(1);

        /** Waits until one more commit than those awaited before is being held. */
        public void awaitHeld() throws InterruptedException {
            if (!held.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("No late commit was held");
            }
        }

        public void release() {
            released.countDown();
        }

        private void hold() {
            held.release();
            try {
                if (!released.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("A late commit was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * An inline event handler that holds the transaction of a client created {@value #COMMITS_LATE} just before it
     * commits: after every prepare-commit step, so its events and read model rows are written (the projections'
     * batch appends the events in its round trip), and their ids taken, but not yet visible to others.
     */
    public static class LateCommittingProjection {

        @EventHandler
        void on(ClientCreated event) {
            if (event.details().name().startsWith(COMMITS_LATE)) {
                LateCommits held = lateCommits;
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        held.hold();
                    }
                });
            }
        }
    }

    @Bean
    LateCommittingProjection lateCommittingProjection() {
        return new LateCommittingProjection();
    }

    @Bean
    FailingProjection failingProjection() {
        return new FailingProjection();
    }

    private static HttpServletRequest faultyRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getHeader(FAIL_READS_AFTER_COMMIT) != null) {
            return attributes.getRequest();
        }
        return null;
    }
}
