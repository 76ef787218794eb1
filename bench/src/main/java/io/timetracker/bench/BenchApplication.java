package io.timetracker.bench;

import io.timetracker.api.TimeTrackerApplication;

/**
 * The service with the benchmark tools beside it ({@code bench/target/timetracker-bench.jar}): the same
 * application, whose component scan also finds this package's runners. They act as a made-up administrator
 * and skip the API's validation, which is why they ship only here, never in {@code api/target/timetracker.jar}.
 */
public final class BenchApplication {

    private BenchApplication() {
    }

    public static void main(String[] args) {
        TimeTrackerApplication.main(args);
    }
}
