package io.timetracker.api.project;

import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.Patch;
import io.timetracker.events.project.ProjectDetails;
import io.timetracker.query.project.ProjectView;

import java.util.Locale;

/**
 * Reads a project's fields from a request body: every field for a create ({@code current} null), only the
 * present ones over {@code current} for an update.
 */
final class ProjectFields {

    private ProjectFields() {
    }

    static ProjectDetails read(JsonBody body, ProjectView current) {
        Patch<ProjectView> patch = new Patch<>(body, current);
        String name = patch.reads("name") ? body.requiredText("name", 200) : current.name();
        Long clientId = patch.reads("client_id") ? body.requiredInteger("client_id") : Long.valueOf(current.clientId());
        String code = patch.text("code", 20, ProjectView::code);
        Long threshold = patch.integer("budget_threshold_percent",
                view -> (long) view.budgetThresholdPercent());
        if (threshold != null && (threshold < 0 || threshold > 100)) {
            body.reject("budget_threshold_percent", "Must be between 0 and 100");
        }
        return new ProjectDetails(name,
                code == null || code.isEmpty() ? null : code.toUpperCase(Locale.ROOT),
                clientId == null ? 0 : clientId,
                patch.text("description", 5000, ProjectView::description),
                patch.bool("billable", true, ProjectView::billable),
                patch.nonNegativeDecimal("hourly_rate", ProjectView::hourlyRate),
                patch.text("billing_ref", 100, ProjectView::billingRef),
                patch.nonNegativeDecimal("estimated_hours", ProjectView::estimatedHours),
                patch.nonNegativeDecimal("budget_amount", ProjectView::budgetAmount),
                threshold == null ? 80 : threshold.intValue(),
                patch.integer("manager_id", ProjectView::managerId));
    }
}
