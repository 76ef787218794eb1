package io.timetracker.api.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, sending the request target byte for byte: the JDK's client refuses (or
 * normalises) the malformed and ambiguous paths an attacker sends, and those are what the security tests need.
 */
public final class RawHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An answer: status, headers (lower-case names) and the body, de-chunked. */
    public record Reply(int status, Map<String, String> headers, String body) {

        /** The body as JSON, or null when it is none. */
        public JsonNode json() {
            try {
                return body.isBlank() ? null : JSON.readTree(body);
            } catch (RuntimeException notJson) {
                return null;
            }
        }
    }

    private RawHttp() {
    }

    /** Sends a request the OpenAPI document describes; it and its answer are checked against the document. */
    public static Reply send(int port, String method, String target, Map<String, String> headers, String body) {
        Reply reply = sendMalformed(port, method, target, headers, body);
        Map<String, List<String>> sentHeaders = new LinkedHashMap<>();
        headers.forEach((name, value) -> sentHeaders.put(name, List.of(value)));
        if (body != null) {
            sentHeaders.put("Content-Type", List.of("application/json"));
        }
        Map<String, List<String>> answerHeaders = new LinkedHashMap<>();
        reply.headers().forEach((name, value) -> answerHeaders.put(name, List.of(value)));
        ContractCheck.check(port, new ContractCheck.Exchange(method, target, sentHeaders, body, reply.status(),
                answerHeaders, reply.body()), true);
        return reply;
    }

    /** Sends a request target byte for byte, one the document cannot describe (an ambiguous or encoded path). */
    public static Reply sendMalformed(int port, String method, String target, Map<String, String> headers,
                                      String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\nConnection: close\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            request.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reply parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int headerEnd = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, headerEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.putIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(), lines[i].substring(colon + 1).strip());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, headerEnd + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(new java.io.ByteArrayInputStream(body));
        }
        return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int c = in.read(); c != '\n' && c != -1; c = in.read()) {
                if (c != '\r') {
                    size.append((char) c);
                }
            }
            int length = size.isEmpty() ? 0 : Integer.parseInt(size.toString().split(";")[0].strip(), 16);
            if (length == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(length));
            in.readNBytes(2); // the chunk's CRLF
        }
    }
}
