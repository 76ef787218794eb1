package io.timetracker.api.report;

/** Hours as reports show them: seconds to hours, two decimals. */
final class Hours {

    private Hours() {
    }

    static double of(long seconds) {
        return Math.round(seconds / 36.0) / 100.0;
    }
}
