package io.timetracker.api.web;

import io.timetracker.api.auth.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code Idempotency-Key} on every POST (contract §1): the first request with a key acts and its successful
 * response is kept per token; a repeat with the same request gets that response again without acting twice,
 * a repeat with a different request is 409. A repeat that arrives while the first is still running waits for
 * it.
 * Works for every endpoint at once, so no controller has to know about it.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 20) // after authentication and rate limits
public class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";
    /** The response headers that belong to the outcome (per-request ones such as X-Request-ID do not). */
    private static final List<String> OUTCOME_HEADERS = List.of("Location", "ETag", "X-Ignored-Fields");
    private static final TypeReference<Map<String, String>> HEADER_MAP = new TypeReference<>() {
    };
    private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();

    private final IdempotencyStore store;
    private final ErrorWriter errors;
    private final JsonMapper json;
    private final int maxBodyBytes;
    private final Duration waitTimeout;

    public IdempotencyFilter(IdempotencyStore store, ErrorWriter errors, JsonMapper json,
                             @Value("${timetracker.max-body-bytes}") int maxBodyBytes,
                             @Value("${timetracker.idempotency.wait-timeout:30s}") Duration waitTimeout) {
        this.store = store;
        this.errors = errors;
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
        this.waitTimeout = waitTimeout;
    }

    /** Only POSTs with a token that carry the header: keys are kept per token (the admin web's forms have none). */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        Caller caller = RequestContext.caller(request);
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null || caller == null
                || caller.webSession();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isEmpty() || key.length() > 128) {
            errors.write(request, response, ApiException.validation(HEADER, "Must be 1 to 128 characters"));
            return;
        }
        byte[] body = readBody(request);
        if (body == null) {
            errors.write(request, response, ApiException.payloadTooLarge(maxBodyBytes));
            return;
        }
        Caller caller = RequestContext.caller(request);
        IdempotencyStore.Claim claim = new IdempotencyStore.Claim(caller.tokenId(), key, fingerprint(request, body));
        long deadline = System.nanoTime() + waitTimeout.toNanos();
        while (true) {
            if (store.claim(claim.tokenId(), key, claim.fingerprint())) {
                act(new CachedBodyRequest(request, body), response, chain, claim);
                return;
            }
            IdempotencyStore.Entry first = store.find(claim.tokenId(), key);
            if (first != null && !first.fingerprint().equals(claim.fingerprint())) {
                errors.write(request, response, ApiException.conflict(
                        "This Idempotency-Key was already used for a different request"));
                return;
            }
            if (first != null && first.completed()) {
                if (first.bodyWithheld()) {
                    refuseWithheld(first, request, response);
                } else {
                    replay(first, response);
                }
                return;
            }
            if (System.nanoTime() > deadline) {
                errors.write(request, response, ApiException.conflict(
                        "A request with this Idempotency-Key is still being processed; retry later"));
                return;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /**
     * Acts under the claim. Commands sent meanwhile mark it committed in their own transaction
     * ({@link CommittedClaims}), so a failure after a committed change keeps the key; a refused request that
     * changed nothing gives it up, and the client can fix the request (a wrong Content-Type, a missing field) and
     * send it again under the same key.
     */
    private void act(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                     IdempotencyStore.Claim claim) throws ServletException, IOException {
        ContentCachingResponseWrapper recorder = new ContentCachingResponseWrapper(response);
        boolean answered = false;
        request.setAttribute(CLAIM, claim);
        try {
            chain.doFilter(request, recorder);
            if (recorder.getStatus() / 100 == 2) {
                boolean secret = RequestContext.isSecretResponse(request);
                store.complete(claim, recorder.getStatus(), secret ? null : recorder.getContentType(),
                        json.writeValueAsString(outcomeHeaders(recorder)),
                        secret ? null : recorder.getContentAsByteArray(), secret);
            } else {
                store.fail(claim, recorder.getStatus());
            }
            answered = true;
        } finally {
            request.removeAttribute(CLAIM);
            if (!answered) {
                store.fail(claim, HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            }
            recorder.copyBodyToResponse();
        }
    }

    /** The claim a request holds while it acts, or null. */
    static IdempotencyStore.Claim claimOf(HttpServletRequest request) {
        return (IdempotencyStore.Claim) request.getAttribute(CLAIM);
    }

    /** A repeat of a request whose response was not kept: it did act, and it will not act again. */
    private void refuseWithheld(IdempotencyStore.Entry first, HttpServletRequest request,
                                HttpServletResponse response) throws IOException {
        if (first.headers() != null) {
            json.readValue(first.headers(), HEADER_MAP).forEach(response::setHeader);
        }
        errors.write(request, response, ApiException.conflict(first.status() / 100 == 2
                ? "This request was already processed; the token it issued is shown only once"
                : "This request was already processed, but answering it failed; read the resource to see the outcome"));
    }

    private void replay(IdempotencyStore.Entry first, HttpServletResponse response) throws IOException {
        response.setStatus(first.status());
        if (first.contentType() != null) {
            response.setContentType(first.contentType());
        }
        json.readValue(first.headers(), HEADER_MAP).forEach(response::setHeader);
        response.setHeader(REPLAYED, "true");
        byte[] body = first.body() == null ? new byte[0] : first.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static Map<String, String> outcomeHeaders(HttpServletResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : OUTCOME_HEADERS) {
            String value = response.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    /** @return the whole body, or null when it is over the size limit */
    private byte[] readBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            return body.length > maxBodyBytes ? null : body;
        }
    }

    /** What makes two requests "the same": method, path with query, and body. */
    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + ' ' + request.getRequestURI() + '?'
                    + (request.getQueryString() == null ? "" : request.getQueryString()) + '\n')
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
