package io.timetracker.api.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.UUID;

/**
 * Tomcat's own refusals (a request line it cannot parse, a backslash, an encoded NUL or slash in the path) never
 * reach the application; this writes them in the contract's error shape instead of Tomcat's HTML page
 * ({@code TomcatConfig} installs it as the host's error report valve).
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        String requestId = UUID.randomUUID().toString();
        boolean clientError = status < 500;
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("X-Request-ID", requestId);
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(clientError
                        ? body("Bad request", "The request could not be read: its request line or path is malformed",
                        "bad_request", requestId)
                        : body("Internal server error",
                        "Something went wrong on our side; quote the request_id when you report it", "internal_error",
                        requestId));
            }
        } catch (IOException | IllegalStateException unwritable) {
            // the connection is gone or the response was committed meanwhile: nothing more to tell
        }
    }

    private static String body(String error, String message, String code, String requestId) {
        return "{\"error\":\"" + error + "\",\"message\":\"" + message + "\",\"error_code\":\"" + code
                + "\",\"request_id\":\"" + requestId + "\"}";
    }
}
