package io.timetracker.api.docs;

/**
 * A feature's part of the OpenAPI document: a bean in the feature's package that describes each of its handler
 * methods ({@link ApiDocs#operation}). A handler no bean describes stops the application from starting.
 */
public interface ApiDocumentation {

    void describe(ApiDocs docs);
}
