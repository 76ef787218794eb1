package io.timetracker.command.deal;

import io.timetracker.command.client.ClientDirectory;
import io.timetracker.command.contact.ContactDirectory;
import io.timetracker.command.lead.LeadDirectory;
import io.timetracker.command.user.UserDirectory;
import io.timetracker.events.deal.DealDetails;
import org.springframework.stereotype.Component;

import java.util.Objects;

/**
 * Whether what a deal refers to exists: an active owner, an active client, an active contact of that client, a lead.
 * Asked of the command side's directories, never of another aggregate's history.
 */
@Component
public class DealReferences {

    private final ClientDirectory clients;
    private final ContactDirectory contacts;
    private final LeadDirectory leads;
    private final UserDirectory users;

    public DealReferences(ClientDirectory clients, ContactDirectory contacts, LeadDirectory leads,
                          UserDirectory users) {
        this.clients = clients;
        this.contacts = contacts;
        this.leads = leads;
        this.users = users;
    }

    /** Checks the references of {@code next} that differ from {@code current} (null: a new deal, all of them). */
    void requireExisting(DealDetails next, DealDetails current) {
        if (current == null || next.ownerId() != current.ownerId()) {
            users.requireActive(next.ownerId(), "owner_id");
        }
        if (next.clientId() != null && (current == null || !next.clientId().equals(current.clientId()))) {
            clients.requireActive(next.clientId(), "client_id");
        }
        if (next.contactId() != null && (current == null || !next.contactId().equals(current.contactId())
                || !Objects.equals(next.clientId(), current.clientId()))) {
            contacts.requireActive(next.contactId(), next.clientId(), "contact_id");
        }
        if (next.leadId() != null && (current == null || !next.leadId().equals(current.leadId()))) {
            leads.requireExists(next.leadId(), "lead_id");
        }
    }
}
