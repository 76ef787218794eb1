package io.timetracker.api.system;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ShutdownDrainTest {

    @Test
    void onceTheNodeDrainsEveryAnswerClosesItsConnectionAndTheDrainEndsByItsLimit() throws Exception {
        ShutdownDrain drain = new ShutdownDrain(Duration.ZERO);
        drain.start();
        MockHttpServletResponse serving = answer(drain, "/api/v1/projects");

        drain.stop(); // a request has just come, so only the limit (none) ends the drain

        assertThat(drain.isRunning()).isFalse();
        assertThat(serving.getHeader("Connection")).isNull();
        assertThat(answer(drain, "/api/v1/projects").getHeader("Connection")).isEqualTo("close");
        assertThat(answer(drain, SystemController.HEALTH).getHeader("Connection")).isEqualTo("close");
    }

    private static MockHttpServletResponse answer(ShutdownDrain drain, String path) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        drain.doFilter(new MockHttpServletRequest("GET", path), response, new MockFilterChain());
        return response;
    }
}
