package io.timetracker.api.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What {@code /api/openapi.json} says about the API as a whole: its name, version and the token schemes. */
@Configuration
public class OpenApiConfig {

    @Bean
    public OpenAPI timeTrackerOpenApi(@Value("${timetracker.app-version}") String appVersion) {
        return new OpenAPI()
                .info(new Info().title("TimeTracker API").version("v1")
                        .description("TimeTracker REST API v1 (server " + appVersion + "). Every endpoint under "
                                + "/api/v1 needs a token except info, health and login."))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("Authorization: Bearer tt_..."))
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key")))
                // Two requirements: either scheme is enough.
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
