package io.timetracker.query.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a projection class as (part of) a read model: the tables it owns, which only it writes and which a rebuild
 * replaces as a whole. Several classes of one processing group name the same model and share its rebuild.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadModel {

    /** The read model's name (its processing group). */
    String name();

    /** The tables this class writes. */
    String[] tables();

    /**
     * The version of what this class writes: raise it when its handlers change what they write, and the read
     * model is rebuilt from the event store when the application starts.
     */
    int version() default 1;
}
