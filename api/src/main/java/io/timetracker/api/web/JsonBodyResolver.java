package io.timetracker.api.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a {@link JsonBody} parameter: an empty body is {@code {}} whatever the Content-Type; a body that is
 * not JSON is 415 (declared otherwise) or 400; a body over the size limit is 413.
 */
@Component
public class JsonBodyResolver implements HandlerMethodArgumentResolver {

    static final String ATTRIBUTE = "timetracker.jsonBody";

    private final JsonMapper json;
    private final ApiTime time;
    private final int maxBytes;

    public JsonBodyResolver(JsonMapper json, ApiTime time, @Value("${timetracker.max-body-bytes}") int maxBytes) {
        this.json = json;
        this.time = time;
        this.maxBytes = maxBytes;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == JsonBody.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest webRequest,
                                  WebDataBinderFactory binderFactory) throws IOException {
        return bodyOf(webRequest.getNativeRequest(HttpServletRequest.class));
    }

    /** The request's body, read (and kept for the rest of the request) on the first call. */
    public JsonBody bodyOf(HttpServletRequest request) throws IOException {
        if (request.getAttribute(ATTRIBUTE) instanceof JsonBody read) {
            return read;
        }
        JsonBody body = new JsonBody(parse(readLimited(request), request.getContentType()), time);
        request.setAttribute(ATTRIBUTE, body);
        return body;
    }

    /** The body this request's handler has read, or null (none yet, or a request without one). */
    static JsonBody readBodyOf(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof JsonBody body ? body : null;
    }

    private byte[] readLimited(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooLarge();
            }
            return bytes;
        }
    }

    private ObjectNode parse(byte[] bytes, String contentType) {
        if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return json.createObjectNode();
        }
        if (contentType != null && !isJson(contentType)) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "Unsupported media type", "Send the body as application/json");
        }
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (JacksonException malformed) {
            throw ApiException.badRequest("Malformed JSON in the request body");
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiException.badRequest("The request body must be a JSON object");
        }
        return object;
    }

    private static boolean isJson(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json")
                    || type.isWildcardType();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private ApiException tooLarge() {
        return ApiException.payloadTooLarge(maxBytes);
    }
}
