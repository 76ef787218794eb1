package io.timetracker.api.admin;

import io.timetracker.api.auth.Caller;
import io.timetracker.api.web.ApiException;
import io.timetracker.api.web.Rejections;
import io.timetracker.api.web.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The admin web's pages answer failures with a page, not the API's JSON: a refusal with its status and message (a
 * user or token that does not exist, a lost race, an address that is no page or a malformed one), anything else a
 * 500 page naming the request id. Every page knows
 * who is signed in ({@code me}).
 */
@ControllerAdvice(basePackageClasses = AdminPagesAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AdminPagesAdvice {

    private static final Logger log = LoggerFactory.getLogger(AdminPagesAdvice.class);

    @ModelAttribute("me")
    String me(HttpServletRequest request) {
        Caller caller = RequestContext.caller(request);
        return caller == null ? null : caller.username();
    }

    @ExceptionHandler(Exception.class)
    String failed(Exception failure, HttpServletRequest request, HttpServletResponse response, Model model) {
        ApiException refused = failure instanceof RuntimeException runtime ? Rejections.asApi(runtime) : null;
        if (refused == null && (failure instanceof TypeMismatchException || failure instanceof ErrorResponse)) {
            HttpStatusCode status = failure instanceof ErrorResponse web ? web.getStatusCode() : HttpStatus.BAD_REQUEST;
            refused = new ApiException(HttpStatus.valueOf(status.value()), "bad_request", "Bad request",
                    status.value() == 404 ? "There is no such page." : "This address or form is not valid.");
        }
        if (refused == null) {
            log.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), failure);
            refused = new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                    "Something went wrong", "Something went wrong on our side; quote the request id when you report it");
        }
        response.setStatus(refused.status().value());
        model.addAttribute("me", me(request));
        model.addAttribute("status", refused.status().value());
        model.addAttribute("message", refused.getMessage());
        model.addAttribute("requestId", RequestContext.requestId(request));
        return "admin/error";
    }
}
