package io.timetracker.api.web;

import java.util.List;

/** The metadata keys that every command, and so every event it records, carries: who, how and why. */
public final class AuditMetadata {

    public static final String USER_ID = "userId";
    public static final String TOKEN_ID = "tokenId";
    public static final String REQUEST_ID = "requestId";
    public static final String CLIENT_IP = "clientIp";
    public static final String USER_AGENT = "userAgent";
    public static final String REASON = "reason";
    public static final List<String> KEYS = List.of(USER_ID, TOKEN_ID, REQUEST_ID, CLIENT_IP, USER_AGENT, REASON);

    private AuditMetadata() {
    }
}
