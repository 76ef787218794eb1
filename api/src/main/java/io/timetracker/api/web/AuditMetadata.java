package io.timetracker.api.web;

import io.timetracker.query.audit.AuditRow;

import java.util.List;

/** The metadata keys that every command, and so every event it records, carries: who, how and why. */
public final class AuditMetadata {

    public static final String USER_ID = "userId";
    public static final String TOKEN_ID = "tokenId";
    public static final String REQUEST_ID = "requestId";
    public static final String CLIENT_IP = "clientIp";
    public static final String USER_AGENT = "userAgent";
    public static final String REASON = "reason";
    /** How the acting user came: {@link #WEB_SESSION} for the admin web (no token); absent for the API. */
    public static final String CHANNEL = "channel";
    public static final String WEB_SESSION = AuditRow.WEB_SESSION;
    public static final List<String> KEYS = List.of(USER_ID, TOKEN_ID, REQUEST_ID, CLIENT_IP, USER_AGENT, REASON,
            CHANNEL);

    private AuditMetadata() {
    }
}
