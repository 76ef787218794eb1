package io.timetracker.command.common;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Checks a reference from one aggregate to another against the referenced aggregate's own history
 * (never a projection), inside the command's unit of work.
 */
public class AggregateDirectory<A> {

    private final Repository<A> repository;
    private final String type;

    public AggregateDirectory(Repository<A> repository, String type) {
        this.repository = repository;
        this.type = type;
    }

    /**
     * @throws CommandRejectedException a validation error on {@code field} with {@code message} when the
     *                                  aggregate does not exist or fails {@code condition}
     */
    public void require(long id, String field, Predicate<A> condition, String message) {
        if (!Boolean.TRUE.equals(read(id, condition::test))) {
            throw CommandRejectedException.invalid(field, message);
        }
    }

    /** What {@code reader} takes from the aggregate, or null when there is no such aggregate. */
    public <R> R read(long id, Function<A, R> reader) {
        try {
            return repository.load(io.timetracker.events.AggregateIds.of(type, id)).invoke(reader);
        } catch (AggregateNotFoundException notFound) {
            return null;
        }
    }
}
