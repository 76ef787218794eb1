package io.timetracker.api.auth;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Why the admin web turned a request away; shown on its refusal page ({@link #PAGE}) with its status. */
public enum AdminRefusal {

    NOT_AN_ADMINISTRATOR(403, "Not an administrator",
            "This account may use the apps, but these pages are for administrators only. Ask an administrator "
                    + "for what you need."),
    THROTTLED(429, "Too many sign-in attempts", "Wait a minute, then try again."),
    FORM_EXPIRED(403, "This form has expired",
            "The form was sent without its security token, or from another site. Go back, reload the page and "
                    + "send it again."),
    DENIED(403, "Access denied", "This page is for administrators signed in to the admin web.");

    /** The refusal page; a handler serves it for every method, since requests are forwarded to it as they came. */
    public static final String PAGE = "/admin/refused";
    private static final String ATTRIBUTE = AdminRefusal.class.getName();

    private final int status;
    private final String title;
    private final String explanation;

    AdminRefusal(int status, String title, String explanation) {
        this.status = status;
        this.title = title;
        this.explanation = explanation;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String explanation() {
        return explanation;
    }

    /** Answers the request with the refusal page. */
    public void forward(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        request.setAttribute(ATTRIBUTE, this);
        request.getRequestDispatcher(PAGE).forward(request, response);
    }

    /** The refusal a request was forwarded with, or null. */
    public static AdminRefusal of(HttpServletRequest request) {
        return (AdminRefusal) request.getAttribute(ATTRIBUTE);
    }
}
