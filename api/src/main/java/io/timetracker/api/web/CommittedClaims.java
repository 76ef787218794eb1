package io.timetracker.api.web;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Marks the {@code Idempotency-Key} of the request that sends a command as committed, in the command's own
 * transaction: once its change is in the event store, a retry under that key never acts again, whatever happens
 * to the answer afterwards.
 */
@Component
public class CommittedClaims implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final IdempotencyStore store;

    public CommittedClaims(IdempotencyStore store) {
        this.store = store;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                         InterceptorChain interceptorChain) throws Exception {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            IdempotencyStore.Claim claim = IdempotencyFilter.claimOf(request);
            if (claim != null) {
                unitOfWork.onPrepareCommit(committing -> store.markCommitted(claim));
            }
        }
        return interceptorChain.proceed();
    }
}
