package io.timetracker.api.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What {@code /api/openapi.json} says about the API as a whole: its name, version, conventions and the token
 * schemes. The operations are built by {@code io.timetracker.api.docs.OpenApiDocument}.
 */
@Configuration
public class OpenApiConfig {

    static final String CONVENTIONS = """
            TimeTracker REST API v1. JSON in and out (the report downloads are CSV, XLSX or PDF files; their \
            errors are JSON), snake_case names, ids are integers, date-times are ISO 8601 with the server zone's \
            offset.

            **Tokens.** Every endpoint needs a token except info, health and login. Send it as \
            `Authorization: Bearer <token>` (also `Authorization: Token <token>`) or `X-API-Key: <token>`; sign in \
            with `POST /api/v1/auth/login` to get one. Each operation names the scope it needs; a token's scopes \
            limit what it may do, its user's role what the user may see.

            **Liberal reading.** An empty body is read as `{}`. Integer fields also accept digit strings, list \
            fields (arrays of strings) also one comma-separated string and tags (a comma-separated string) also an \
            array, date-times come with `Z`, an offset or \
            none (the server's zone). Unknown body fields and query parameters are ignored; the unknown body fields are named in \
            the `X-Ignored-Fields` response header.

            **Envelopes.** One resource is `{"<singular>": {...}}` with an `ETag`; a list is \
            `{"<plural>": [...], "pagination": {...}}` (`page`, `per_page` 1..100); a create is 201 \
            `{"message", "<singular>"}` with `Location`; every error is the one `Error` shape.

            **Read-your-writes.** Once a write has answered 2xx, every later read on any node reflects it.

            **Concurrency and idempotency.** Writes on a resource accept `If-Match` (its `ETag`); a stale one is \
            409. Every POST accepts `Idempotency-Key`: a repeat within 24 hours answers the first response again \
            without acting twice. Every write accepts an optional `reason`, kept in the audit trail.

            **Rate limits.** Per token, a bucket of `X-RateLimit-Limit` requests that refills gradually (one request \
            every minute/limit), shared by every node and reported in `X-RateLimit-*` on every response; over it, \
            429 with `Retry-After`.""";

    @Bean
    public OpenAPI timeTrackerOpenApi(@Value("${timetracker.app-version}") String appVersion) {
        return new OpenAPI()
                .info(new Info().title("TimeTracker API").version("v1 (server " + appVersion + ")")
                        .description(CONVENTIONS))
                // relative: the document describes whichever server serves it
                .addServersItem(new Server().url("/").description("This server"))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("Authorization: Bearer tt_..."))
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key")));
    }
}
