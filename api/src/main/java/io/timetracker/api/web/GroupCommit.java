package io.timetracker.api.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.timetracker.command.common.TargetedCommand;
import io.timetracker.query.common.ProjectionWrites;
import io.timetracker.query.common.ReadBack;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Commits the commands that requests on this node send at the same moment in one transaction (group commit): the
 * events of all of them are appended, and every read model written, by one set of statements and one commit, instead
 * of one of each per request. Each command still runs through its aggregate's rules in a unit of work of its own
 * (nested in the group's), so a group commits exactly what its commands would one after the other, in the order
 * they arrived.
 * <p>
 * Nothing waits to fill a group: a request arriving while no group handles its commands sends its command at once,
 * as a group of one; the requests arriving meanwhile queue, and the first of them sends all queued commands as the
 * next group, on its own thread. Groups overlap as a pipeline, {@code groups-at-once} of them at most: the next
 * group handles its commands while the one before writes its rows and commits. Only one group at a time handles
 * commands, and only one writes its rows (they then take the rows' locks in turn, never crosswise), and a group
 * leaves out the aggregates of the groups still running. A group still running after {@code stall-after} (waiting
 * for a lock another node holds, say) does not hold up the rest of the node: a request arriving or waiting then
 * starts another group. When any command of a group fails (a broken rule, a lost race, a database error) the group
 * is rolled back and its commands are sent again one by one, each in a transaction of its own, as if there were no
 * groups: each request meets exactly the outcome it would have met alone, and none fails because of another's
 * command.
 */
@Component
public class GroupCommit {

    static final String GROUP_SIZE = "timetracker.command.group.size";
    static final String GROUPS_SENT_AGAIN = "timetracker.command.groups.sent.again";
    static final String GROUPS_STARTED_STALLED = "timetracker.command.groups.started.stalled";

    /** Set while this thread sends a group's commands, which count once the group has committed (metrics). */
    private static final ThreadLocal<Boolean> SENDING_GROUP = new ThreadLocal<>();

    private final CommandGateway commands;
    private final ProjectionWrites writes;
    private final TransactionManager transactions;
    private final int largestGroup;
    private final int groupsAtOnce;
    private final long stallNanos;
    private final DistributionSummary groupSizes;
    private final Counter groupsSentAgain;
    private final Counter groupsStartedStalled;

    private final Object lock = new Object();
    /** The requests waiting for the next group, oldest first. */
    private final ArrayDeque<Request<?>> waiting = new ArrayDeque<>();
    /** The aggregates of the groups running, which the next group leaves to a later one. */
    private final Set<String> aggregatesRunning = new HashSet<>();
    private int groupsRunning;
    private int groupsHandling;
    private long newestGroupStart;
    /** Held by the group writing its rows, from its first row to its commit: groups lock shared rows in turn. */
    private final ReentrantLock writingRows = new ReentrantLock(true);

    public GroupCommit(CommandGateway commands, ProjectionWrites writes, TransactionManager transactions,
                       MeterRegistry registry,
                       @Value("${timetracker.group-commit.largest-group}") int largestGroup,
                       @Value("${timetracker.group-commit.groups-at-once}") int groupsAtOnce,
                       @Value("${timetracker.group-commit.stall-after}") Duration stallAfter) {
        this.commands = commands;
        this.writes = writes;
        this.transactions = transactions;
        this.largestGroup = largestGroup;
        this.groupsAtOnce = groupsAtOnce;
        this.stallNanos = stallAfter.toNanos();
        this.groupSizes = DistributionSummary.builder(GROUP_SIZE)
                .description("Commands committed together in one transaction, per group of two or more")
                .register(registry);
        this.groupsSentAgain = Counter.builder(GROUPS_SENT_AGAIN)
                .description("Groups rolled back as one of their commands failed, their commands sent again one by one")
                .register(registry);
        this.groupsStartedStalled = Counter.builder(GROUPS_STARTED_STALLED)
                .description("Groups started beside others only because none had started for stall-after")
                .register(registry);
        Gauge.builder("timetracker.command.group.waiting", this, GroupCommit::waitingCount)
                .description("Commands waiting for the next group").register(registry);
    }

    /**
     * Sends {@code command} (its metadata already holding the request's who-and-why) and, once it has committed,
     * answers what {@code read} (may be null) finds among the rows it committed.
     */
    public <T> T send(CommandMessage<?> command, ReadBack<T> read) {
        Request<T> request = new Request<>(command, read);
        if (largestGroup <= 1 || CurrentUnitOfWork.isStarted()
                || TransactionSynchronizationManager.isActualTransactionActive()) {
            return request.sendAlone(); // joins the unit of work or transaction its thread runs already
        }
        boolean leads;
        synchronized (lock) {
            waiting.add(request);
            leads = startsGroup();
        }
        if (leads) {
            runNextGroup();
        }
        while (true) {
            Turn turn = request.awaitTurn(stallNanos);
            if (turn == Turn.DONE) {
                return request.outcome();
            }
            boolean leadsNow = turn == Turn.LEAD;
            if (!leadsNow) {
                synchronized (lock) { // still waiting after stall-after: the groups running may be stuck
                    leadsNow = waiting.contains(request) && startsGroup();
                }
            }
            if (leadsNow) {
                runNextGroup();
            }
        }
    }

    /**
     * Whether a group may start now (none handles its commands and fewer than groups-at-once run, or none has
     * started for stall-after), counting it if so; under lock.
     */
    private boolean startsGroup() {
        long now = System.nanoTime();
        if (groupsHandling > 0 || groupsRunning >= groupsAtOnce) {
            if (now - newestGroupStart < stallNanos) {
                return false;
            }
            groupsStartedStalled.increment();
        }
        groupsRunning++;
        groupsHandling++;
        newestGroupStart = now;
        return true;
    }

    /** Hands the start of the next group to the oldest request waiting, if one may start now; under lock. */
    private void startNextIfAllowed() {
        Request<?> next = waiting.peek();
        if (next != null && startsGroup()) {
            next.settle(Turn.LEAD);
        }
    }

    /** A group's handling of its commands, ended once: the next group may then handle its own. */
    private final class Handling {

        private boolean ended;

        void end() {
            if (!ended) {
                ended = true;
                synchronized (lock) {
                    groupsHandling--;
                    startNextIfAllowed();
                }
            }
        }
    }

    private int waitingCount() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    /**
     * Runs the waiting requests as a group (counted as started), then hands the start of the next group to the oldest
     * still waiting. A group takes at most one command per aggregate, and none on the aggregates of the groups still
     * running: a later command on an aggregate waits for a later group, so it sees the earlier one committed, and
     * every request's read-back finds its own command's row, not that of a later one committed with it.
     */
    private void runNextGroup() {
        List<Request<?>> group = new ArrayList<>();
        Set<String> aggregates = new HashSet<>();
        synchronized (lock) {
            for (Iterator<Request<?>> queued = waiting.iterator(); queued.hasNext() && group.size() < largestGroup; ) {
                Request<?> next = queued.next();
                if (!aggregatesRunning.contains(next.aggregateId()) && aggregates.add(next.aggregateId())) {
                    queued.remove();
                    group.add(next);
                }
            }
            if (group.isEmpty()) { // every request waiting is on an aggregate still running: the group ending leads
                groupsHandling--;
                groupsRunning--;
                return;
            }
            aggregatesRunning.addAll(aggregates);
        }
        Handling handling = new Handling();
        try {
            if (!commitTogether(group, handling)) {
                sendAloneInTurn(group);
            }
        } finally {
            handling.end();
            synchronized (lock) {
                groupsRunning--;
                aggregatesRunning.removeAll(aggregates);
                startNextIfAllowed();
            }
        }
    }

    /**
     * Sends the commands of a group that failed one by one, each in a transaction of its own, holding the turn to
     * write rows throughout: they then never take row locks crosswise with another group's.
     */
    private void sendAloneInTurn(List<Request<?>> group) {
        RowsTurn turn = new RowsTurn();
        turn.take();
        try {
            group.forEach(Request::sendAloneHere);
        } finally {
            turn.give();
        }
    }

    /**
     * Whether this thread is sending the commands of a group, which the group's commit either makes count or, rolled
     * back, leaves to be sent again one by one.
     */
    public static boolean isSendingGroup() {
        return SENDING_GROUP.get() != null;
    }

    /**
     * Whether the group committed; when it did not, nothing of it did. Its {@code handling} ends once every command
     * has been handled (not when one fails: the commands sent again one by one are handled before the next group's).
     */
    private boolean commitTogether(List<Request<?>> group, Handling handling) {
        SENDING_GROUP.set(Boolean.TRUE);
        RowsTurn rowsTurn = new RowsTurn();
        try {
            writes.writeThenRead(() -> {
                UnitOfWork<?> work = DefaultUnitOfWork.startAndGet(null);
                work.onPrepareCommit(committing -> rowsTurn.take()); // the first step of writing rows
                work.attachTransaction(transactions);
                work.onCommit(committing -> rowsTurn.give()); // commit steps run the last registered first
                work.execute(() -> {
                    group.forEach(request -> request.inItsContext(() -> commands.sendAndWait(request.command)));
                    handling.end();
                });
            }, group.stream().map(request -> request.read).filter(Objects::nonNull).toList());
        } catch (RuntimeException | Error rolledBack) {
            if (group.size() > 1) {
                groupsSentAgain.increment(); // its commands are sent again one by one and meet their own outcomes
            }
            return false;
        } finally {
            rowsTurn.give();
            SENDING_GROUP.remove();
        }
        if (group.size() > 1) {
            groupSizes.record(group.size());
        }
        group.forEach(request -> request.settle(Turn.DONE));
        return true;
    }

    /**
     * A group's turn to write its rows: taken before its first row, given back just before it commits (or once it
     * has rolled back). A group waiting longer than stall-after writes without it: the group writing may be waiting
     * for a lock another node holds, and the database resolves any deadlock that can follow by failing one group,
     * whose commands are then sent again one by one.
     */
    private final class RowsTurn {

        private boolean held;

        void take() {
            try {
                held = writingRows.tryLock(stallNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void give() {
            if (held) {
                held = false;
                writingRows.unlock();
            }
        }
    }

    private enum Turn { WAITING, LEAD, DONE }

    /** A request's command waiting for its group, and what became of it. */
    private final class Request<T> {

        final CommandMessage<?> command;
        final ReadBack<T> read;
        private final RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        private final Map<String, String> logContext = MDC.getCopyOfContextMap();
        private Turn turn = Turn.WAITING;
        private Throwable failure;

        Request(CommandMessage<?> command, ReadBack<T> read) {
            this.command = command;
            this.read = read;
        }

        /** The aggregate the command is aimed at (a command aimed at none is one of its own). */
        String aggregateId() {
            return command.getPayload() instanceof TargetedCommand targeted
                    ? targeted.aggregateId() : command.getIdentifier();
        }

        /** Sends the command in a transaction of its own and answers the row read back, if any. */
        T sendAlone() {
            if (read == null) {
                commands.sendAndWait(command);
                return null;
            }
            return writes.writeThenRead(() -> commands.sendAndWait(command), read);
        }

        /** Sends the command alone on the group's thread and keeps what it answered or threw for its request. */
        void sendAloneHere() {
            try {
                inItsContext(this::sendAlone);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            settle(Turn.DONE);
        }

        /** Runs {@code work} with this request's attributes and log context, whichever thread runs it. */
        void inItsContext(Runnable work) {
            RequestAttributes own = RequestContextHolder.getRequestAttributes();
            Map<String, String> ownLogContext = MDC.getCopyOfContextMap();
            RequestContextHolder.setRequestAttributes(attributes);
            setLogContext(logContext);
            try {
                work.run();
            } finally {
                RequestContextHolder.setRequestAttributes(own);
                setLogContext(ownLogContext);
            }
        }

        /** What the command answered (the row read back, if it asked for one), or what it threw. */
        T outcome() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return read == null ? null : read.found();
        }

        synchronized void settle(Turn next) {
            turn = next;
            notifyAll();
        }

        /**
         * Waits until the request is done or has to lead the next group (a turn to lead is taken once), but no longer
         * than {@code nanos}: then it is still {@code WAITING}.
         */
        synchronized Turn awaitTurn(long nanos) {
            long until = System.nanoTime() + nanos;
            boolean interrupted = false;
            for (long left = nanos; turn == Turn.WAITING && left > 0; left = until - System.nanoTime()) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    interrupted = true; // the command may be committing in a group: its outcome is awaited
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            Turn taken = turn;
            if (taken == Turn.LEAD) {
                turn = Turn.WAITING;
            }
            return taken;
        }
    }

    private static void setLogContext(Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }
}
