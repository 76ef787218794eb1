package io.timetracker.api.identity;

import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.Patch;
import io.timetracker.command.user.Roles;
import io.timetracker.events.user.UserProfile;
import io.timetracker.query.user.UserView;

import java.time.DateTimeException;
import java.time.ZoneId;

/** Reads a user's profile fields: all of them for a create ({@code current} null), the present ones for an update. */
final class UserFields {

    private UserFields() {
    }

    static UserProfile readProfile(JsonBody body, UserView current) {
        Patch<UserView> patch = new Patch<>(body, current);
        String role = patch.text("role", 20, UserView::role);
        String timezone = patch.text("timezone", 64, UserView::chosenTimezone);
        if (timezone != null && !isZone(timezone)) {
            body.reject("timezone", "Must be an IANA time zone such as Europe/Berlin");
        }
        if (role == null && current != null) {
            body.reject("role", "Must be one of admin, manager, user"); // a user always has a role
        }
        return new UserProfile(
                patch.email("email", UserView::email),
                patch.text("full_name", 200, UserView::fullName),
                role == null ? Roles.USER : role,
                timezone,
                patch.text("date_format", 32, UserView::dateFormat),
                patch.text("time_format", 32, UserView::timeFormat));
    }

    /** A new password, or null when the body carries none; too short a password is a validation error. */
    static String readPassword(JsonBody body) {
        String password = body.text("password", 200);
        if (password != null && password.length() < PasswordHasher.MIN_LENGTH) {
            return body.reject("password", "Must be at least " + PasswordHasher.MIN_LENGTH + " characters");
        }
        if (password != null && !PasswordHasher.fitsHash(password)) {
            return body.reject("password", "Must be at most " + PasswordHasher.MAX_BYTES + " bytes in UTF-8");
        }
        return password;
    }

    private static boolean isZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
