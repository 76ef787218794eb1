package io.timetracker.command.common;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.Objects;

/** Matches a {@link CommandRejectedException} by its rejection and the field it names (null: none). */
public final class RejectionMatcher extends TypeSafeMatcher<CommandRejectedException> {

    private final Rejection rejection;
    private final String field;

    private RejectionMatcher(Rejection rejection, String field) {
        this.rejection = rejection;
        this.field = field;
    }

    public static Matcher<CommandRejectedException> rejected(Rejection rejection, String field) {
        return new RejectionMatcher(rejection, field);
    }

    public static Matcher<CommandRejectedException> rejected(Rejection rejection) {
        return new RejectionMatcher(rejection, null);
    }

    @Override
    protected boolean matchesSafely(CommandRejectedException e) {
        return e.rejection() == rejection && Objects.equals(e.field(), field);
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a command rejected as " + rejection + (field == null ? "" : " on " + field));
    }

    @Override
    protected void describeMismatchSafely(CommandRejectedException e, Description description) {
        description.appendText("was " + e.rejection() + " on " + e.field() + ": " + e.getMessage());
    }
}
