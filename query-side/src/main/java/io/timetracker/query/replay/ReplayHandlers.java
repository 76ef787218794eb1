package io.timetracker.query.replay;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The event handlers of some read models as a replay calls them: each event goes straight to the handlers that take
 * its type, found once per type, instead of through every model's processor asking each of its handlers about every
 * event. They are the very handlers the subscribing processors run live, and nothing runs in between there either:
 * no interceptors are registered on the processors, and their errors propagate.
 */
final class ReplayHandlers {

    private final List<EventMessageHandler> handlers;
    private final Map<Class<?>, List<EventMessageHandler>> byPayloadType = new HashMap<>();

    ReplayHandlers(EventProcessingConfiguration processing, List<ReadModels.Definition> models) {
        this.handlers = models.stream()
                .map(model -> processing.eventProcessor(model.name(), AbstractEventProcessor.class)
                        .orElseThrow(() -> new IllegalStateException(
                                "No event processor for read model " + model.name()))
                        .eventHandlerInvoker())
                .flatMap(ReplayHandlers::handlersOf)
                .toList();
    }

    void handle(EventMessage<?> event) throws Exception {
        List<EventMessageHandler> taking = byPayloadType.computeIfAbsent(event.getPayloadType(),
                type -> handlers.stream().filter(handler -> handler.canHandleType(type)).toList());
        for (EventMessageHandler handler : taking) {
            handler.handle(event);
        }
    }

    private static Stream<EventMessageHandler> handlersOf(EventHandlerInvoker invoker) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return multi.delegates().stream().flatMap(ReplayHandlers::handlersOf);
        }
        if (invoker instanceof SimpleEventHandlerInvoker simple) {
            return simple.eventHandlers().stream();
        }
        throw new IllegalStateException("A replay cannot call the handlers of " + invoker);
    }
}
