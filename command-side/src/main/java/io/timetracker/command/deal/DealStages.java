package io.timetracker.command.deal;

import io.timetracker.command.common.CommandRejectedException;

import java.util.List;

/**
 * A deal's stages and statuses: the two closing stages decide the status (won, lost); otherwise a deal is open,
 * unless someone cancelled it.
 */
public final class DealStages {

    public static final String FIRST = "prospecting";
    public static final String CLOSED_WON = "closed_won";
    public static final String CLOSED_LOST = "closed_lost";
    public static final List<String> STAGES = List.of(FIRST, "qualification", "proposal", "negotiation", CLOSED_WON,
            CLOSED_LOST);
    public static final String OPEN = "open";
    public static final String WON = "won";
    public static final String LOST = "lost";
    public static final String CANCELLED = "cancelled";
    public static final List<String> STATUSES = List.of(OPEN, WON, LOST, CANCELLED);
    /** What a deal is worth in, and how likely it is won, when nobody says. */
    public static final String DEFAULT_CURRENCY = "EUR";
    public static final int DEFAULT_PROBABILITY = 50;

    private DealStages() {
    }

    static void requireKnown(String stage) {
        if (!STAGES.contains(stage)) {
            throw CommandRejectedException.invalid("stage", "Must be one of " + String.join(", ", STAGES));
        }
    }

    /**
     * The status of a deal at {@code stage}, given the one asked for (null: none) and the current one (null: a new
     * deal). Won and lost are reached by the closing stages only.
     */
    static String status(String stage, String requested, String current) {
        if (CLOSED_WON.equals(stage)) {
            return WON;
        }
        if (CLOSED_LOST.equals(stage)) {
            return LOST;
        }
        if (requested != null) {
            if (!List.of(OPEN, CANCELLED).contains(requested)) {
                throw CommandRejectedException.invalid("status", WON.equals(requested) || LOST.equals(requested)
                        ? "A deal is won or lost by moving it to the stage closed_won or closed_lost"
                        : "Must be one of " + String.join(", ", STATUSES));
            }
            return requested;
        }
        return current == null || isClosed(current) ? OPEN : current;
    }

    static boolean isClosed(String status) {
        return WON.equals(status) || LOST.equals(status);
    }
}
