package io.timetracker.api.admin;

import io.timetracker.api.auth.AdminPage;
import io.timetracker.api.identity.UserAccounts;
import io.timetracker.api.web.Queries;
import io.timetracker.api.web.QueryParams;
import io.timetracker.command.user.Roles;
import io.timetracker.query.common.PageRequest;
import io.timetracker.query.common.PageResult;
import io.timetracker.query.user.UserQueries.ListUsers;
import io.timetracker.query.user.UserView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /admin/users}: the list, a new user (role, password) and switching an account off and on, through the
 * API's own {@link UserAccounts} (so the same fields are refused and the same commands sent as by {@code /users}).
 */
@Controller
@RequestMapping("/admin/users")
public class AdminUsersController {

    private final UserAccounts accounts;
    private final Queries queries;
    private final AdminForms forms;

    public AdminUsersController(UserAccounts accounts, Queries queries, AdminForms forms) {
        this.accounts = accounts;
        this.queries = queries;
        this.forms = forms;
    }

    @GetMapping
    @AdminPage
    public String list(HttpServletRequest request, Model model) {
        PageRequest page = QueryParams.page(request);
        PageResult<UserView> users = queries.page(new ListUsers(page));
        model.addAttribute("users", users.items());
        model.addAttribute("pages", new Pages(page, users.total()));
        model.addAttribute("pageLink", "/admin/users?per_page=" + page.perPage());
        return "admin/users";
    }

    @GetMapping("/new")
    @AdminPage
    public String form(Model model) {
        return form(model, Map.of(), Map.of());
    }

    @PostMapping
    @AdminPage
    public String create(HttpServletRequest request, HttpServletResponse response, Model model,
                         RedirectAttributes flash) {
        return AdminForms.submit(
                () -> accounts.register(forms.bodyOf(request, Set.of())),
                id -> {
                    flash.addFlashAttribute("notice",
                            "User “" + request.getParameter("username").strip() + "” was created.");
                    return "redirect:/admin/users";
                },
                errors -> form(model, errors, request.getParameterMap()),
                response);
    }

    @PostMapping("/{id}/{action:deactivate|reactivate}")
    @AdminPage
    public String setActive(@PathVariable long id, @PathVariable String action, RedirectAttributes flash) {
        boolean active = action.equals("reactivate");
        String username = accounts.setActive(id, active);
        flash.addFlashAttribute("notice", "User “" + username + "” was " + action + "d.");
        return "redirect:/admin/users";
    }

    private static String form(Model model, Map<String, List<String>> errors, Map<String, String[]> given) {
        model.addAttribute("roles", List.of(Roles.USER, Roles.MANAGER, Roles.ADMIN));
        model.addAttribute("errors", errors);
        model.addAttribute("given", AdminForms.given(given));
        return "admin/user-new";
    }
}
