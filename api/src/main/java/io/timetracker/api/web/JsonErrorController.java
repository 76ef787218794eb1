package io.timetracker.api.web;

import io.timetracker.api.auth.PublicEndpoint;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Errors raised outside MVC (the servlet container's own) get the contract's error shape too, never HTML. */
@RestController
public class JsonErrorController implements ErrorController {

    @RequestMapping("/error")
    @PublicEndpoint
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Without a status the container did not forward an error here: a client asked for /error itself.
        HttpStatus status = code == null ? HttpStatus.NOT_FOUND
                : code instanceof Integer value && HttpStatus.resolve(value) != null ? HttpStatus.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        ApiException error = switch (status) {
            case NOT_FOUND -> ApiException.notFound("No such endpoint");
            case PAYLOAD_TOO_LARGE -> new ApiException(status, "payload_too_large", "Payload too large",
                    "The request body is too large");
            case BAD_REQUEST -> ApiException.badRequest("The request could not be read");
            case METHOD_NOT_ALLOWED -> new ApiException(status, "method_not_allowed", "Method not allowed",
                    "This method is not allowed here");
            case UNSUPPORTED_MEDIA_TYPE -> new ApiException(status, "unsupported_media_type",
                    "Unsupported media type", "Send the body as application/json");
            default -> status.is4xxClientError()
                    ? new ApiException(status, "bad_request", status.getReasonPhrase(), status.getReasonPhrase())
                    : new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "Internal server error",
                    "Something went wrong on our side; quote the request_id when you report it");
        };
        String requestId = RequestContext.requestId(request);
        return ResponseEntity.status(error.status()).body(error.body(requestId));
    }
}
