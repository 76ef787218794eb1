package io.timetracker.api.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.util.List;

/** Names the body fields an endpoint ignored in {@code X-Ignored-Fields}, so a client author sees a typo. */
@ControllerAdvice
public class IgnoredFieldsAdvice implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (request instanceof ServletServerHttpRequest servlet
                && servlet.getServletRequest().getAttribute(JsonBodyResolver.ATTRIBUTE) instanceof JsonBody json) {
            List<String> ignored = json.ignoredFields();
            if (!ignored.isEmpty()) {
                response.getHeaders().set("X-Ignored-Fields", String.join(",", ignored));
            }
        }
        return body;
    }
}
