package io.timetracker.api.admin;

import io.timetracker.api.auth.AdminPage;
import io.timetracker.api.identity.TokenIssuer;
import io.timetracker.api.web.CommandDispatcher;
import io.timetracker.api.web.Queries;
import io.timetracker.api.web.QueryParams;
import io.timetracker.api.web.RequestContext;
import io.timetracker.command.token.ApiScopes;
import io.timetracker.command.token.RevokeApiToken;
import io.timetracker.query.common.PageRequest;
import io.timetracker.query.common.PageResult;
import io.timetracker.query.token.ApiTokenQueries.FindApiToken;
import io.timetracker.query.token.ApiTokenQueries.ListApiTokens;
import io.timetracker.query.token.ApiTokenView;
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

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /admin/api-tokens}: the list, Create Token, revoke and rotate, through the API's own {@link TokenIssuer} and
 * commands. A new (or rotated) token is shown once, in the answer to the form's POST itself: never in a redirect,
 * never in the session, never on a page a GET can fetch; that answer is {@code Cache-Control: no-store}, so going
 * back asks to send the form again (and that form, already used, is refused: {@link AdminForms#useOnce}).
 */
@Controller
@RequestMapping("/admin/api-tokens")
public class AdminTokensController {

    private final TokenIssuer issuer;
    private final CommandDispatcher commands;
    private final Queries queries;
    private final AdminForms forms;
    private final Clock clock;

    public AdminTokensController(TokenIssuer issuer, CommandDispatcher commands, Queries queries, AdminForms forms,
                                 Clock clock) {
        this.issuer = issuer;
        this.commands = commands;
        this.queries = queries;
        this.forms = forms;
        this.clock = clock;
    }

    @GetMapping
    @AdminPage
    public String list(HttpServletRequest request, Model model) {
        Long userId = QueryParams.id(request, "user_id");
        PageRequest page = QueryParams.page(request);
        PageResult<ApiTokenView> tokens = queries.page(new ListApiTokens(userId, page));
        List<UserView> users = forms.users();
        model.addAttribute("tokens", tokens.items());
        model.addAttribute("pages", new Pages(page, tokens.total()));
        model.addAttribute("users", users);
        model.addAttribute("usernames", AdminForms.usernames(users));
        model.addAttribute("userId", userId);
        model.addAttribute("pageLink", "/admin/api-tokens?per_page=" + page.perPage()
                + (userId == null ? "" : "&user_id=" + userId));
        model.addAttribute("now", clock.instant());
        return "admin/tokens";
    }

    @GetMapping("/new")
    @AdminPage
    public String form(HttpServletRequest request, Model model) {
        model.addAttribute("formId", forms.newFormId(request));
        return form(model, Map.of(), Map.of(), List.of());
    }

    @PostMapping
    @AdminPage
    public String create(HttpServletRequest request, HttpServletResponse response, Model model) {
        forms.useOnce(request);
        return AdminForms.submit(
                () -> issuer.issue(issuer.requestOf(forms.bodyOf(request, Set.of("scopes", "ip_whitelist")))),
                issued -> showOnce(issued, "created", request, response, model),
                errors -> {
                    model.addAttribute("formId", forms.newFormId(request));
                    String[] scopes = request.getParameterValues("scopes");
                    return form(model, errors, request.getParameterMap(),
                            scopes == null ? List.of() : List.of(scopes));
                },
                response);
    }

    @GetMapping("/{id}/{action:revoke|rotate}")
    @AdminPage
    public String confirm(@PathVariable long id, @PathVariable String action, HttpServletRequest request,
                          Model model) {
        ApiTokenView token = find(id);
        model.addAttribute("token", token);
        model.addAttribute("username", forms.username(token.userId()));
        model.addAttribute("action", action);
        model.addAttribute("formId", action.equals("rotate") ? forms.newFormId(request) : null);
        return "admin/token-confirm";
    }

    @PostMapping("/{id}/revoke")
    @AdminPage
    public String revoke(@PathVariable long id, RedirectAttributes flash) {
        ApiTokenView token = find(id);
        commands.send(new RevokeApiToken(id));
        flash.addFlashAttribute("notice", "Token “" + token.name() + "” (" + token.tokenPrefix() + "…) was revoked.");
        return "redirect:/admin/api-tokens";
    }

    @PostMapping("/{id}/rotate")
    @AdminPage
    public String rotate(@PathVariable long id, HttpServletRequest request, HttpServletResponse response,
                         Model model) {
        forms.useOnce(request);
        find(id);
        return showOnce(issuer.rotate(id), "rotated", request, response, model);
    }

    /** The one answer that carries the plain token: kept by nothing (no cache, no session, no idempotency). */
    private String showOnce(TokenIssuer.IssuedToken issued, String how, HttpServletRequest request,
                            HttpServletResponse response, Model model) {
        RequestContext.markSecretResponse(request);
        response.setHeader("Cache-Control", "no-store");
        ApiTokenView token = find(issued.tokenId());
        model.addAttribute("token", token);
        model.addAttribute("username", forms.username(token.userId()));
        model.addAttribute("plainToken", issued.plainToken());
        model.addAttribute("how", how);
        return "admin/token-shown";
    }

    private String form(Model model, Map<String, List<String>> errors, Map<String, String[]> given,
                        List<String> chosenScopes) {
        model.addAttribute("users", forms.users().stream().filter(UserView::isActive).toList());
        model.addAttribute("resources", ApiScopes.RESOURCES);
        model.addAttribute("errors", errors);
        model.addAttribute("given", AdminForms.given(given));
        model.addAttribute("chosenScopes", chosenScopes);
        return "admin/token-new";
    }

    private ApiTokenView find(long id) {
        return queries.<ApiTokenView>one(new FindApiToken(id), "API token").value();
    }
}
