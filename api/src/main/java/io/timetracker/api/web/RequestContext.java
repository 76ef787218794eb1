package io.timetracker.api.web;

import io.timetracker.api.auth.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashMap;
import java.util.Map;

/** What the filters learned about the current request: its id, the client's address and the caller. */
public final class RequestContext {

    static final String REQUEST_ID = "timetracker.requestId";
    static final String CALLER = "timetracker.caller";
    static final String SECRET_RESPONSE = "timetracker.secretResponse";

    private RequestContext() {
    }

    public static String requestId(HttpServletRequest request) {
        return (String) request.getAttribute(REQUEST_ID);
    }

    public static Caller caller(HttpServletRequest request) {
        return (Caller) request.getAttribute(CALLER);
    }

    public static void setCaller(HttpServletRequest request, Caller caller) {
        request.setAttribute(CALLER, caller);
    }

    /**
     * Marks the response as carrying a secret (a plain API token): it is shown to this client once and never
     * stored, not even for an Idempotency-Key replay.
     */
    public static void markSecretResponse(HttpServletRequest request) {
        request.setAttribute(SECRET_RESPONSE, Boolean.TRUE);
    }

    static boolean isSecretResponse(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(SECRET_RESPONSE));
    }

    /** The client address; behind a proxy configure Tomcat's RemoteIpValve so this is the real client. */
    public static String clientIp(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    /**
     * Who and why, for the metadata of the commands this request sends (why: the {@code reason} of its body);
     * outside a request (the first-start bootstrap) the server itself acts.
     */
    public static Map<String, Object> auditMetadata() {
        Map<String, Object> metadata = new HashMap<>();
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            metadata.put(AuditMetadata.REQUEST_ID, "system");
            return metadata;
        }
        HttpServletRequest request = attributes.getRequest();
        Caller caller = caller(request);
        if (caller != null) {
            metadata.put(AuditMetadata.USER_ID, caller.userId());
            if (caller.tokenId() > 0) {
                metadata.put(AuditMetadata.TOKEN_ID, caller.tokenId());
            }
            if (caller.webSession()) {
                metadata.put(AuditMetadata.CHANNEL, AuditMetadata.WEB_SESSION);
            }
        }
        metadata.put(AuditMetadata.REQUEST_ID, requestId(request));
        metadata.put(AuditMetadata.CLIENT_IP, clientIp(request));
        String userAgent = request.getHeader("User-Agent");
        if (userAgent != null) {
            metadata.put(AuditMetadata.USER_AGENT, userAgent.length() > 300 ? userAgent.substring(0, 300) : userAgent);
        }
        JsonBody body = JsonBodyResolver.readBodyOf(request);
        String reason = body == null ? null : body.reason();
        if (reason != null) {
            metadata.put(AuditMetadata.REASON, reason);
        }
        return metadata;
    }
}
