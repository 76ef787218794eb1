package io.timetracker.api.project;

import io.timetracker.api.web.BodyField;
import io.timetracker.api.web.BodyShape;
import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.Patch;
import io.timetracker.events.project.ProjectDetails;
import io.timetracker.query.project.ProjectView;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Reads a project's fields from a request body: every field for a create ({@code current} null), only the
 * present ones over {@code current} for an update.
 */
final class ProjectFields {

    static final BodyField<String> NAME = BodyField.text("name", 200).required().describedAs("Unique per client");
    static final BodyField<Long> CLIENT_ID = BodyField.integer("client_id").required()
            .describedAs("An active client");
    static final BodyField<String> CODE = BodyField.text("code", 20).describedAs("Stored upper-case; unique");
    static final BodyField<String> DESCRIPTION = BodyField.text("description", 5000);
    static final BodyField<Boolean> BILLABLE = BodyField.bool("billable").withDefault(true);
    static final BodyField<BigDecimal> HOURLY_RATE = BodyField.amount("hourly_rate");
    static final BodyField<String> BILLING_REF = BodyField.text("billing_ref", 100);
    static final BodyField<BigDecimal> ESTIMATED_HOURS = BodyField.amount("estimated_hours");
    static final BodyField<BigDecimal> BUDGET_AMOUNT = BodyField.amount("budget_amount");
    static final BodyField<Long> BUDGET_THRESHOLD_PERCENT = BodyField.integer("budget_threshold_percent", 0, 100)
            .withDefault(80L);
    static final BodyField<Long> MANAGER_ID = BodyField.integer("manager_id");
    static final BodyField<String> STATUS = BodyField.oneOf("status", List.of("active", "inactive", "archived"))
            .required();

    static final BodyShape CREATE = BodyShape.of("ProjectCreate", NAME, CLIENT_ID, CODE, DESCRIPTION, BILLABLE,
            HOURLY_RATE, BILLING_REF, ESTIMATED_HOURS, BUDGET_AMOUNT, BUDGET_THRESHOLD_PERCENT, MANAGER_ID);
    static final BodyShape UPDATE = CREATE.partial("ProjectUpdate", STATUS);

    private ProjectFields() {
    }

    static ProjectDetails read(JsonBody body, ProjectView current) {
        Patch<ProjectView> patch = new Patch<>(body, current);
        Long clientId = patch.read(CLIENT_ID, ProjectView::clientId);
        String code = patch.read(CODE, ProjectView::code);
        Long threshold = patch.read(BUDGET_THRESHOLD_PERCENT, view -> (long) view.budgetThresholdPercent());
        return new ProjectDetails(patch.read(NAME, ProjectView::name),
                code == null || code.isEmpty() ? null : code.toUpperCase(Locale.ROOT),
                clientId == null ? 0 : clientId,
                patch.read(DESCRIPTION, ProjectView::description),
                patch.read(BILLABLE, ProjectView::billable),
                patch.read(HOURLY_RATE, ProjectView::hourlyRate),
                patch.read(BILLING_REF, ProjectView::billingRef),
                patch.read(ESTIMATED_HOURS, ProjectView::estimatedHours),
                patch.read(BUDGET_AMOUNT, ProjectView::budgetAmount),
                threshold == null ? 80 : threshold.intValue(),
                patch.read(MANAGER_ID, ProjectView::managerId));
    }
}
