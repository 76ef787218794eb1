package io.timetracker.api.admin;

import io.timetracker.api.audit.AuditFilters;
import io.timetracker.api.auth.AdminPage;
import io.timetracker.api.web.ApiTime;
import io.timetracker.api.web.Queries;
import io.timetracker.api.web.QueryParams;
import io.timetracker.query.audit.AuditQueries.ListAuditLog;
import io.timetracker.query.audit.AuditRow;
import io.timetracker.query.common.PageRequest;
import io.timetracker.query.common.PageResult;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;

/**
 * {@code /admin/audit}: the audit log of {@code GET /audit-logs}, newest first, with the same filters (read by
 * {@link AuditFilters}) and pages; the filters stay in the pager's links.
 */
@Controller
public class AdminAuditController {

    private static final List<String> FILTERS = List.of("entity_type", "entity_id", "user_id", "action",
            "start_date", "end_date");

    private final Queries queries;
    private final AdminForms forms;
    private final ApiTime time;

    public AdminAuditController(Queries queries, AdminForms forms, ApiTime time) {
        this.queries = queries;
        this.forms = forms;
        this.time = time;
    }

    @GetMapping("/admin/audit")
    @AdminPage
    public String list(HttpServletRequest request, Model model) {
        PageRequest page = QueryParams.page(request);
        PageResult<AuditRow> rows = queries.page(new ListAuditLog(AuditFilters.of(request, time), page));
        UriComponentsBuilder filtered = UriComponentsBuilder.fromPath("/admin/audit");
        for (String filter : FILTERS) {
            String value = request.getParameter(filter);
            if (value != null && !value.isBlank()) {
                filtered.queryParam(filter, value.strip());
            }
        }
        model.addAttribute("rows", rows.items());
        model.addAttribute("pages", new Pages(page, rows.total()));
        model.addAttribute("pageLink", filtered.queryParam("per_page", page.perPage()).toUriString());
        model.addAttribute("entityTypes", AuditFilters.ENTITY_TYPES);
        model.addAttribute("users", forms.users());
        model.addAttribute("filter", AdminForms.given(request.getParameterMap()));
        return "admin/audit";
    }
}
