package io.timetracker.command.common;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.Objects;

/** Matches the {@link CommandRejectedException} an aggregate throws, by rejection and offending field. */
public final class Rejected {

    private Rejected() {
    }

    public static Matcher<CommandRejectedException> as(Rejection rejection) {
        return matcher(rejection, null);
    }

    /** A validation error naming {@code field}. */
    public static Matcher<CommandRejectedException> invalid(String field) {
        return matcher(Rejection.VALIDATION_ERROR, field);
    }

    private static Matcher<CommandRejectedException> matcher(Rejection rejection, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRejectedException e) {
                return e.rejection() == rejection && (field == null || Objects.equals(field, e.field()));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + rejection + " rejection" + (field == null ? "" : " of " + field));
            }
        };
    }
}
