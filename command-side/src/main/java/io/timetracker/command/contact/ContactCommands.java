package io.timetracker.command.contact;

import io.timetracker.command.client.ClientDirectory;
import io.timetracker.events.AggregateIds;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.Objects;

/**
 * Handles the contact commands. At most one contact of a client is primary: every write first locks the client's
 * row in {@link PrimaryContacts} (so writes to one client's contacts take their turn, on every node, and always
 * lock in the same order: that row, then the contacts), then changes the contact, and when it becomes primary
 * clears the previous primary contact in the same transaction.
 */
@Component
public class ContactCommands {

    private final Repository<ContactAggregate> contacts;
    private final ClientDirectory clients;
    private final ContactDirectory directory;
    private final PrimaryContacts primaryContacts;

    public ContactCommands(@Qualifier("contactAggregateRepository") Repository<ContactAggregate> contacts,
                           ClientDirectory clients, ContactDirectory directory, PrimaryContacts primaryContacts) {
        this.contacts = contacts;
        this.clients = clients;
        this.directory = directory;
        this.primaryContacts = primaryContacts;
    }

    @CommandHandler
    public void handle(CreateContact command) throws Exception {
        clients.requireActive(command.clientId(), "client_id");
        Long primary = primaryContacts.lock(command.clientId());
        contacts.newInstance(() -> new ContactAggregate(command));
        directory.record(command.contactId(), command.clientId(), true);
        settlePrimary(command.clientId(), command.contactId(), command.details().isPrimary(), primary);
    }

    @CommandHandler
    public void handle(UpdateContact command) {
        long clientId = directory.requireClientOf(command.contactId());
        Long primary = primaryContacts.lock(clientId);
        load(command.contactId(), command.expectedVersion()).execute(contact -> contact.update(command.details()));
        settlePrimary(clientId, command.contactId(), command.details().isPrimary(), primary);
    }

    @CommandHandler
    public void handle(DeleteContact command) {
        long clientId = directory.requireClientOf(command.contactId());
        Long primary = primaryContacts.lock(clientId);
        load(command.contactId(), command.expectedVersion()).execute(ContactAggregate::delete);
        directory.record(command.contactId(), clientId, false);
        settlePrimary(clientId, command.contactId(), false, primary);
    }

    /** Records whether {@code contactId} is the client's primary contact now, clearing the one it replaces. */
    private void settlePrimary(long clientId, long contactId, boolean isPrimary, Long primary) {
        if (isPrimary && !Objects.equals(primary, contactId)) {
            if (primary != null) {
                load(primary, null).execute(previous -> previous.clearPrimary(contactId));
            }
            primaryContacts.record(clientId, contactId);
        } else if (!isPrimary && Objects.equals(primary, contactId)) {
            primaryContacts.record(clientId, null);
        }
    }

    private Aggregate<ContactAggregate> load(long contactId, Long expectedVersion) {
        return contacts.load(AggregateIds.of(AggregateIds.CONTACT, contactId), expectedVersion);
    }
}
