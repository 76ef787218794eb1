package io.timetracker.api.web;

import io.timetracker.command.common.Actor;
import io.timetracker.query.common.PageResult;
import io.timetracker.query.common.Versioned;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.function.ToLongFunction;

/** Sends queries to the projections' query handlers, typed the way the API reads their answers. */
@Component
public class Queries {

    private final QueryGateway gateway;

    public Queries(QueryGateway gateway) {
        this.gateway = gateway;
    }

    /** A single resource, or 404 {@code not_found} naming {@code thing}. */
    @SuppressWarnings("unchecked")
    public <T> Versioned<T> one(Object query, String thing) {
        Versioned<T> found = gateway.query(query, ResponseTypes.instanceOf(Versioned.class)).join();
        if (found == null) {
            throw ApiException.notFound(thing + " not found");
        }
        return found;
    }

    /**
     * A single resource that belongs to someone, as {@code actor} may see it: another user's (to a non-admin) is
     * 404 like a missing one, so it reveals nothing.
     */
    public <T> Versioned<T> owned(Object query, String thing, ToLongFunction<T> ownerOf, Actor actor) {
        Versioned<T> found = one(query, thing);
        if (!actor.mayActFor(ownerOf.applyAsLong(found.value()))) {
            throw ApiException.notFound(thing + " not found");
        }
        return found;
    }

    /** Whether the owned thing exists and the actor may see it (its owner or an admin). */
    @SuppressWarnings("unchecked")
    public <T> boolean visibleTo(Object query, ToLongFunction<T> ownerOf, Actor actor) {
        Versioned<T> found = get(query, Versioned.class);
        return found != null && actor.mayActFor(ownerOf.applyAsLong(found.value()));
    }

    @SuppressWarnings("unchecked")
    public <T> PageResult<T> page(Object query) {
        return gateway.query(query, ResponseTypes.instanceOf(PageResult.class)).join();
    }

    public <R> R get(Object query, Class<R> answer) {
        return gateway.query(query, ResponseTypes.instanceOf(answer)).join();
    }
}
