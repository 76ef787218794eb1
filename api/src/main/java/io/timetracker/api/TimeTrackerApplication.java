package io.timetracker.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication(scanBasePackages = "io.timetracker")
@EnableScheduling
public class TimeTrackerApplication {

    public static void main(String[] args) {
        // Axon's update checker calls out to the internet; only a system property or env variable turns it off.
        if (System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        SpringApplication.run(TimeTrackerApplication.class, args);
    }
}
