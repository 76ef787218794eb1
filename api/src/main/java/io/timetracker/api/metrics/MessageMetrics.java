package io.timetracker.api.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.timetracker.api.web.ApiException;
import io.timetracker.api.web.GroupCommit;
import io.timetracker.api.web.Rejections;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Counts what passes Axon's buses, through their message monitors (every command and event, whichever code sent
 * it): each command dispatched and each one refused, by command type and reason; each event the event store
 * appended, by event type, once its transaction has committed (a rolled-back command appended nothing).
 */
@Configuration
public class MessageMetrics {

    static final String COMMANDS_DISPATCHED = "timetracker.commands.dispatched";
    static final String COMMANDS_REJECTED = "timetracker.commands.rejected";
    static final String EVENTS_APPENDED = "timetracker.events.appended";

    @Bean
    ConfigurerModule messageMonitors(MeterRegistry registry) {
        return configurer -> configurer
                .configureMessageMonitor(CommandBus.class, (configuration, type, name) -> commands(registry))
                .configureMessageMonitor(EventStore.class, (configuration, type, name) -> appends(registry));
    }

    /**
     * A refusal's reason is the contract's error code it is answered with ({@code validation_error}, {@code conflict},
     * {@code not_found}, ...); a failure that is no expected refusal (a bug, an outage) is {@code error}. A command
     * sent in a group ({@link GroupCommit}) counts when the group commits: a group that fails sends its commands again
     * one by one, and those count as any other.
     */
    private static MessageMonitor<Message<?>> commands(MeterRegistry registry) {
        return command -> {
            String type = command.getPayloadType().getSimpleName();
            Counter dispatched = registry.counter(COMMANDS_DISPATCHED, "command", type);
            if (GroupCommit.isSendingGroup()) {
                CurrentUnitOfWork.get().root().afterCommit(group -> dispatched.increment());
                return NoOpMessageMonitorCallback.INSTANCE;
            }
            dispatched.increment();
            return new MessageMonitor.MonitorCallback() {
                @Override
                public void reportSuccess() {
                }

                @Override
                public void reportFailure(Throwable cause) {
                    ApiException refusal = Rejections.asApi(cause);
                    registry.counter(COMMANDS_REJECTED, "command", type,
                            "reason", refusal == null ? "error" : refusal.errorCode()).increment();
                }

                @Override
                public void reportIgnored() {
                }
            };
        };
    }

    private static MessageMonitor<Message<?>> appends(MeterRegistry registry) {
        return event -> new MessageMonitor.MonitorCallback() {
            @Override
            public void reportSuccess() {
                registry.counter(EVENTS_APPENDED, "event", event.getPayloadType().getSimpleName()).increment();
            }

            @Override
            public void reportFailure(Throwable cause) {
            }

            @Override
            public void reportIgnored() {
            }
        };
    }
}
