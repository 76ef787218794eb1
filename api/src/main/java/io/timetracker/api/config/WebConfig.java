package io.timetracker.api.config;

import io.timetracker.api.auth.ScopeInterceptor;
import io.timetracker.api.web.JsonBodyResolver;
import io.timetracker.api.web.WriteBodies;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** MVC plumbing: access checks on every handler, then the body of every write; liberal JSON bodies. */
@Configuration
public class WebConfig implements WebMvcConfigurer {

    private final ScopeInterceptor scopes;
    private final WriteBodies writeBodies;
    private final JsonBodyResolver jsonBodies;

    public WebConfig(ScopeInterceptor scopes, WriteBodies writeBodies, JsonBodyResolver jsonBodies) {
        this.scopes = scopes;
        this.writeBodies = writeBodies;
        this.jsonBodies = jsonBodies;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(scopes);
        registry.addInterceptor(writeBodies);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(jsonBodies);
    }
}
