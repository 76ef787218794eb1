package io.timetracker.api.auth;

import io.timetracker.api.web.Queries;
import io.timetracker.api.web.RequestContext;
import io.timetracker.query.common.Versioned;
import io.timetracker.query.user.UserQueries.FindUser;
import io.timetracker.query.user.UserView;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Every request of a signed-in web session checks that its user is still an active administrator (a session
 * outlives no deactivation and no change of role: it is ended, and the request is anonymous again), and then acts as
 * that administrator through the web session ({@link Caller#webSession}), which is what its commands record.
 */
final class AdminSessions extends OncePerRequestFilter {

    private final Queries queries;

    AdminSessions(Queries queries) {
        this.queries = queries;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.getPrincipal() instanceof AdminPrincipal admin) {
            Versioned<UserView> user = queries.get(new FindUser(admin.userId()), Versioned.class);
            if (user != null && user.value().isActive() && user.value().isAdmin()) {
                RequestContext.setCaller(request, Caller.webSession(admin.userId(), user.value().username(),
                        user.value().role()));
            } else {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
        }
        chain.doFilter(request, response);
    }
}
