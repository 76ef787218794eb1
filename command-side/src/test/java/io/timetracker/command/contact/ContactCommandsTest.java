package io.timetracker.command.contact;

import io.timetracker.command.client.ClientDirectory;
import io.timetracker.command.common.CommandRejectedException;
import io.timetracker.command.common.Rejected;
import io.timetracker.command.common.Rejection;
import io.timetracker.events.contact.ContactCreated;
import io.timetracker.events.contact.ContactDeleted;
import io.timetracker.events.contact.ContactDetails;
import io.timetracker.events.contact.ContactUpdated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The contact commands on one contact; a primary that replaces another is covered over HTTP (two aggregates). */
class ContactCommandsTest {

    private static final long CLIENT = 7;

    private final ClientDirectory clients = mock(ClientDirectory.class);
    private final ContactDirectory directory = mock(ContactDirectory.class);
    private final PrimaryContacts primaryContacts = mock(PrimaryContacts.class);
    private AggregateTestFixture<ContactAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ContactAggregate.class);
        fixture.registerAnnotatedCommandHandler(new ContactCommands(fixture.getRepository(), clients, directory,
                primaryContacts));
        when(directory.requireClientOf(1)).thenReturn(CLIENT);
        when(primaryContacts.lock(CLIENT)).thenReturn(null); // no primary contact yet
    }

    @Test
    void aNewPrimaryContactIsRecordedAsTheClientsPrimary() {
        fixture.givenNoPriorActivity()
                .when(new CreateContact(1, CLIENT, contact("billing", true)))
                .expectEvents(new ContactCreated(1, CLIENT, contact("billing", true)));

        verify(clients).requireActive(CLIENT, "client_id");
        verify(primaryContacts).lock(CLIENT);
        verify(primaryContacts).record(CLIENT, 1L);
        verify(directory).record(1, CLIENT, true);
    }

    @Test
    void aNewContactNeedsAnActiveClientAndAKnownRole() {
        doThrow(CommandRejectedException.invalid("client_id", "No active client")).when(clients)
                .requireActive(8, "client_id");

        fixture.givenNoPriorActivity()
                .when(new CreateContact(1, 8, contact("contact", false)))
                .expectNoEvents()
                .expectException(Rejected.invalid("client_id"));
        fixture.givenNoPriorActivity()
                .when(new CreateContact(1, CLIENT, contact("boss", false)))
                .expectNoEvents()
                .expectException(Rejected.invalid("role"));
    }

    @Test
    void thePrimaryContactThatStopsBeingPrimaryLeavesTheClientWithoutOne() {
        when(primaryContacts.lock(CLIENT)).thenReturn(1L);

        fixture.given(new ContactCreated(1, CLIENT, contact("contact", true)))
                .when(new UpdateContact(1, contact("technical", false), 0L))
                .expectEvents(new ContactUpdated(1, CLIENT, contact("technical", false)));

        verify(primaryContacts).record(CLIENT, null);
    }

    @Test
    void deletingIsSoftAndADeletedContactChangesNoMore() {
        when(primaryContacts.lock(CLIENT)).thenReturn(1L);

        fixture.given(new ContactCreated(1, CLIENT, contact("contact", true)))
                .when(new DeleteContact(1, 0L))
                .expectEvents(new ContactDeleted(1, CLIENT));
        verify(directory).record(1, CLIENT, false);
        verify(primaryContacts).record(CLIENT, null);

        fixture.given(new ContactCreated(1, CLIENT, contact("contact", false)), new ContactDeleted(1, CLIENT))
                .when(new UpdateContact(1, contact("billing", false), null))
                .expectException(Rejected.as(Rejection.NOT_FOUND));
    }

    private static ContactDetails contact(String role, boolean primary) {
        return new ContactDetails("Ann", "Lee", null, null, null, null, null, role, primary, null, null, null);
    }
}
