package io.timetracker.command.client;

import io.timetracker.command.common.CommandRejectedException;
import io.timetracker.command.common.Rejected;
import io.timetracker.command.common.Rejection;
import io.timetracker.command.common.UniqueKeys;
import io.timetracker.events.client.ClientArchived;
import io.timetracker.events.client.ClientCreated;
import io.timetracker.events.client.ClientDetails;
import io.timetracker.events.client.ClientReactivated;
import io.timetracker.events.client.ClientUpdated;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.withSettings;

class ClientAggregateTest {

    private static final ClientDetails ACME = details("Acme");

    /** Real {@code move}, mocked {@code claim} and {@code release}: the tests see the keys claimed and freed. */
    private final UniqueKeys uniqueKeys = mock(UniqueKeys.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));
    private final ClientDirectory directory = mock(ClientDirectory.class);
    private AggregateTestFixture<ClientAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ClientAggregate.class);
        fixture.registerInjectableResource(uniqueKeys);
        fixture.registerInjectableResource(directory);
    }

    @Test
    void createRecordsTheClientAndClaimsItsNameCaseInsensitively() {
        fixture.givenNoPriorActivity()
                .when(new CreateClient(1, details(" ACME ")))
                .expectEvents(new ClientCreated(1, details(" ACME ")));

        verify(uniqueKeys).claim(eq("client-name"), eq("acme"), eq("client-1"), anyString());
        verify(directory).record(1, true);
    }

    @Test
    void createWithATakenNameIsRefused() {
        doThrow(CommandRejectedException.conflict("taken")).when(uniqueKeys)
                .claim(eq("client-name"), eq("acme"), anyString(), anyString());

        fixture.givenNoPriorActivity()
                .when(new CreateClient(1, ACME))
                .expectNoEvents()
                .expectException(Rejected.as(Rejection.CONFLICT));
    }

    @Test
    void updateRecordsTheNewDetailsAndMovesTheName() {
        ClientDetails renamed = details("Acme Corp");

        fixture.given(new ClientCreated(1, ACME))
                .when(new UpdateClient(1, renamed, true, 0L))
                .expectEvents(new ClientUpdated(1, renamed));

        verify(uniqueKeys).claim(eq("client-name"), eq("acme corp"), eq("client-1"), anyString());
        verify(uniqueKeys).release("client-name", "acme", "client-1");
    }

    @Test
    void anUpdateThatChangesNothingRecordsNothing() {
        fixture.given(new ClientCreated(1, ACME))
                .when(new UpdateClient(1, ACME, true, 0L))
                .expectNoEvents();
    }

    @Test
    void anUpdateOntoATakenNameIsRefused() {
        doThrow(CommandRejectedException.conflict("taken")).when(uniqueKeys)
                .claim(eq("client-name"), eq("globex"), anyString(), anyString());

        fixture.given(new ClientCreated(1, ACME))
                .when(new UpdateClient(1, details("Globex"), true, 0L))
                .expectNoEvents()
                .expectException(Rejected.as(Rejection.CONFLICT));
    }

    @Test
    void anUpdateCanDeactivateAndReactivate() {
        fixture.given(new ClientCreated(1, ACME))
                .when(new UpdateClient(1, ACME, false, 0L))
                .expectEvents(new ClientArchived(1));
        fixture.given(new ClientCreated(1, ACME), new ClientArchived(1))
                .when(new UpdateClient(1, ACME, true, 1L))
                .expectEvents(new ClientReactivated(1));
    }

    @Test
    void anUpdateOfDetailsAndStatusRecordsBoth() {
        ClientDetails changed = details("Acme Corp");

        fixture.given(new ClientCreated(1, ACME))
                .when(new UpdateClient(1, changed, false, 0L))
                .expectEvents(new ClientUpdated(1, changed), new ClientArchived(1));
    }

    @Test
    void aStaleExpectedVersionIsRefused() {
        fixture.given(new ClientCreated(1, ACME), new ClientUpdated(1, details("Acme 2")))
                .when(new UpdateClient(1, details("Acme 3"), true, 0L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void archiveDeactivatesOnce() {
        fixture.given(new ClientCreated(1, ACME))
                .when(new ArchiveClient(1, null))
                .expectEvents(new ClientArchived(1));
        verify(directory).record(1, false);
        fixture.given(new ClientCreated(1, ACME), new ClientArchived(1))
                .when(new ArchiveClient(1, null))
                .expectNoEvents();
    }

    private static ClientDetails details(String name) {
        return new ClientDetails(name, null, null, null, "ap@acme.test", null, null, new BigDecimal("120.00"),
                Map.of("vat", "DE1"));
    }
}
