package io.timetracker.api.admin;

import io.timetracker.api.auth.AdminPage;
import io.timetracker.api.auth.AdminRefusal;
import io.timetracker.api.auth.AdminSecurityConfig;
import io.timetracker.api.web.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The sign-in form (Spring Security's form login answers its POST), the refusal page, and the way in. */
@Controller
public class AdminSignInController {

    @GetMapping(AdminSecurityConfig.SIGN_IN)
    @AdminPage(signIn = true)
    public String signIn(HttpServletRequest request) {
        return RequestContext.caller(request) != null ? "redirect:" + AdminSecurityConfig.HOME : "admin/login";
    }

    @GetMapping("/admin")
    @AdminPage
    public String home() {
        return "redirect:" + AdminSecurityConfig.HOME;
    }

    /** Requests are forwarded here as they came (any method) by the chain, with why they were refused. */
    @RequestMapping(AdminRefusal.PAGE)
    @AdminPage(signIn = true)
    public String refused(HttpServletRequest request, HttpServletResponse response, Model model) {
        AdminRefusal refusal = AdminRefusal.of(request);
        if (refusal == null) {
            refusal = request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException
                    ? AdminRefusal.FORM_EXPIRED : AdminRefusal.DENIED;
        }
        response.setStatus(refusal.status());
        model.addAttribute("refusal", refusal);
        return "admin/refused";
    }
}
