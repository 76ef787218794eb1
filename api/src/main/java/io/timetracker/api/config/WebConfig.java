package io.timetracker.api.config;

import io.timetracker.api.auth.ScopeInterceptor;
import io.timetracker.api.web.JsonBodyResolver;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** MVC plumbing: access checks on every handler, liberal JSON bodies. */
@Configuration
public class WebConfig implements WebMvcConfigurer {

    private final ScopeInterceptor scopes;
    private final JsonBodyResolver jsonBodies;

    public WebConfig(ScopeInterceptor scopes, JsonBodyResolver jsonBodies) {
        this.scopes = scopes;
        this.jsonBodies = jsonBodies;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(scopes);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(jsonBodies);
    }
}
