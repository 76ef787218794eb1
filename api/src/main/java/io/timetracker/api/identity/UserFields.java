package io.timetracker.api.identity;

import io.timetracker.api.web.BodyField;
import io.timetracker.api.web.BodyShape;
import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.Patch;
import io.timetracker.command.user.Roles;
import io.timetracker.events.user.UserProfile;
import io.timetracker.query.user.UserView;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/** Reads a user's profile fields: all of them for a create ({@code current} null), the present ones for an update. */
final class UserFields {

    static final BodyField<String> USERNAME = BodyField.text("username", 100).required()
            .describedAs("2-100 letters, digits and . _ @ -; unique, ignoring case");
    static final BodyField<String> EMAIL = BodyField.email("email");
    static final BodyField<String> FULL_NAME = BodyField.text("full_name", 200);
    static final BodyField<String> ROLE = BodyField.oneOf("role", List.of(Roles.ADMIN, Roles.MANAGER, Roles.USER))
            .describedAs("Default user on a create; a user always has one");
    static final BodyField<String> TIMEZONE = BodyField.text("timezone", 64)
            .describedAs("An IANA time zone such as Europe/Berlin");
    static final BodyField<String> DATE_FORMAT = BodyField.text("date_format", 32);
    static final BodyField<String> TIME_FORMAT = BodyField.text("time_format", 32);
    static final BodyField<String> PASSWORD = BodyField.text("password", 200)
            .describedAs("At least " + PasswordHasher.MIN_LENGTH + " characters, at most " + PasswordHasher.MAX_BYTES
                    + " bytes in UTF-8");
    static final BodyField<Boolean> IS_ACTIVE = BodyField.bool("is_active")
            .describedAs("false deactivates the user: their tokens stop working at once");

    private static final BodyShape PROFILE = BodyShape.of("UserProfile", EMAIL, FULL_NAME, ROLE, TIMEZONE,
            DATE_FORMAT, TIME_FORMAT, PASSWORD);
    static final BodyShape CREATE = BodyShape.of("UserCreate", USERNAME).with("UserCreate",
            PROFILE.fields().toArray(BodyField<?>[]::new));
    static final BodyShape UPDATE = PROFILE.partial("UserUpdate", IS_ACTIVE);

    private UserFields() {
    }

    static UserProfile readProfile(JsonBody body, UserView current) {
        Patch<UserView> patch = new Patch<>(body, current);
        String role = patch.read(ROLE, UserView::role);
        String timezone = patch.read(TIMEZONE, UserView::chosenTimezone);
        if (timezone != null && !isZone(timezone)) {
            body.reject(TIMEZONE.name(), "Must be an IANA time zone such as Europe/Berlin");
        }
        if (role == null && current != null) {
            body.reject(ROLE.name(), "Must be one of admin, manager, user"); // a user always has a role
        }
        return new UserProfile(
                patch.read(EMAIL, UserView::email),
                patch.read(FULL_NAME, UserView::fullName),
                role == null ? Roles.USER : role,
                timezone,
                patch.read(DATE_FORMAT, UserView::dateFormat),
                patch.read(TIME_FORMAT, UserView::timeFormat));
    }

    /** A new password, or null when the body carries none; too short a password is a validation error. */
    static String readPassword(JsonBody body) {
        String password = body.read(PASSWORD);
        if (password != null && password.length() < PasswordHasher.MIN_LENGTH) {
            return body.reject(PASSWORD.name(), "Must be at least " + PasswordHasher.MIN_LENGTH + " characters");
        }
        if (password != null && !PasswordHasher.fitsHash(password)) {
            return body.reject(PASSWORD.name(), "Must be at most " + PasswordHasher.MAX_BYTES + " bytes in UTF-8");
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
