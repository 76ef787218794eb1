package io.timetracker.command.common;

/**
 * Set-based constraints (a unique name, a unique code) claimed in the same transaction as the events
 * that need them, so two racing commands on any number of nodes cannot both succeed.
 */
public interface UniqueKeys {

    /**
     * Claims {@code key} in {@code scope} for {@code owner}; a no-op when the owner already holds it.
     *
     * @throws CommandRejectedException {@link Rejection#CONFLICT} with {@code messageIfTaken} when another owner holds it
     */
    void claim(String scope, String key, String owner, String messageIfTaken);

    /** Releases {@code key} if {@code owner} holds it. */
    void release(String scope, String key, String owner);

    /** Moves the owner's claim from {@code oldKey} (may be null) to {@code newKey} (may be null). */
    default void move(String scope, String oldKey, String newKey, String owner, String messageIfTaken) {
        if (oldKey != null && oldKey.equals(newKey)) {
            return;
        }
        if (newKey != null) {
            claim(scope, newKey, owner, messageIfTaken);
        }
        if (oldKey != null) {
            release(scope, oldKey, owner);
        }
    }
}
