package io.timetracker.api.auth;

import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The application refuses to start with a route that could be reached without a deliberate access rule. */
class RouteTableTest {

    static class Handlers {

        @PublicEndpoint
        public void open() {
        }

        @RequiresScope("read:projects")
        public void scoped() {
        }

        public void forgotten() {
        }

        @PublicEndpoint
        @RequiresScope("read:projects")
        public void contradictory() {
        }

        @RequiresScope("read:everything")
        public void unknownScope() {
        }

        @RequiresScope({})
        public void noScope() {
        }

        @RequiresScope({"write:leads", "write:clients"})
        public void twoScopes() {
        }

        @AdminPage
        public void adminPage() {
        }

        @AdminPage
        @PublicEndpoint
        public void publicAdminPage() {
        }
    }

    @Test
    void declaredRoutesStart() {
        assertThatCode(() -> tableOf("open", "scoped").afterSingletonsInstantiated()).doesNotThrowAnyException();
    }

    @Test
    void aRouteWithoutAnAccessRuleStopsTheStart() {
        assertThatThrownBy(() -> tableOf("open", "forgotten").afterSingletonsInstantiated())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("forgotten");
    }

    @Test
    void aRouteThatIsBothPublicAndScopedStopsTheStart() {
        assertThatThrownBy(() -> tableOf("contradictory").afterSingletonsInstantiated())
                .hasMessageContaining("contradictory");
    }

    @Test
    void aRouteRequiringAnUnknownScopeStopsTheStart() {
        assertThatThrownBy(() -> tableOf("unknownScope").afterSingletonsInstantiated())
                .hasMessageContaining("read:everything");
    }

    @Test
    void aScopeRuleThatNamesNoScopeStopsTheStart() {
        assertThatThrownBy(() -> tableOf("noScope").afterSingletonsInstantiated()).hasMessageContaining("noScope");
    }

    @Test
    void aRouteMayNeedSeveralScopes() throws Exception {
        HandlerMethod twoScopes = new HandlerMethod(new Handlers(), Handlers.class.getMethod("twoScopes"));
        assertThat(RouteAccess.of(twoScopes).scopes()).containsExactly("write:leads", "write:clients");
        assertThatCode(() -> tableOf("twoScopes").afterSingletonsInstantiated()).doesNotThrowAnyException();
    }

    @Test
    void anAdminPageIsAnAccessRuleOfItsOwnNeverPublicAndNeverCombined() throws Exception {
        HandlerMethod page = new HandlerMethod(new Handlers(), Handlers.class.getMethod("adminPage"));
        assertThat(RouteAccess.of(page).isAdminPage()).isTrue();
        assertThat(RouteAccess.of(page).isPublic()).isFalse();
        assertThatCode(() -> tableOf("adminPage").afterSingletonsInstantiated()).doesNotThrowAnyException();
        assertThatThrownBy(() -> tableOf("publicAdminPage").afterSingletonsInstantiated())
                .hasMessageContaining("publicAdminPage");
    }

    @Test
    void aHandlerThatDeclaresNothingIsNeverPublic() throws Exception {
        HandlerMethod forgotten = new HandlerMethod(new Handlers(), Handlers.class.getMethod("forgotten"));
        assertThat(RouteAccess.of(forgotten).kind()).isEqualTo(RouteAccess.Kind.UNDECLARED);
        assertThat(RouteAccess.of(null).isPublic()).isFalse();
    }

    private static RouteTable tableOf(String... methods) throws NoSuchMethodException {
        Map<RequestMappingInfo, HandlerMethod> handlers = new java.util.LinkedHashMap<>();
        for (String method : methods) {
            handlers.put(RequestMappingInfo.paths("/api/v1/" + method).methods(RequestMethod.GET).build(),
                    new HandlerMethod(new Handlers(), Handlers.class.getMethod(method)));
        }
        RequestMappingHandlerMapping mapping = mock(RequestMappingHandlerMapping.class);
        when(mapping.getHandlerMethods()).thenReturn(handlers);
        return new RouteTable(mapping);
    }
}
