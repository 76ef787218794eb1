package io.timetracker.api.auth;

import java.io.Serializable;

/** Who a web session of the admin web belongs to: all the session keeps (no password, no token). */
public record AdminPrincipal(long userId, String username) implements Serializable {
}
