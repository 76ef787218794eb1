package io.timetracker.api.contact;

import io.timetracker.api.audit.ResourceHistory;
import io.timetracker.api.auth.RequiresScope;
import io.timetracker.api.web.CommandDispatcher;
import io.timetracker.api.web.Envelopes;
import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.PartialUpdates;
import io.timetracker.api.web.Preconditions;
import io.timetracker.api.web.Queries;
import io.timetracker.api.web.RequestContext;
import io.timetracker.api.web.QueryParams;
import io.timetracker.command.common.IdAllocator;
import io.timetracker.command.contact.CreateContact;
import io.timetracker.command.contact.DeleteContact;
import io.timetracker.command.contact.UpdateContact;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.contact.ContactDetails;
import io.timetracker.query.client.ClientQueries.FindClient;
import io.timetracker.query.common.PageRequest;
import io.timetracker.query.common.Versioned;
import io.timetracker.query.contact.ContactQueries.FindContact;
import io.timetracker.query.contact.ContactQueries.ListContacts;
import io.timetracker.query.contact.ContactView;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Contract §3, a client's contacts. A contact of an archived client stays readable; a new one needs an active
 * client. At most one contact of a client is primary: making one primary clears the others.
 */
@RestController
@RequestMapping("/api/v1")
public class ContactController {

    private final CommandDispatcher commands;
    private final Queries queries;
    private final PartialUpdates updates;
    private final IdAllocator ids;
    private final ResourceHistory histories;

    public ContactController(CommandDispatcher commands, Queries queries, PartialUpdates updates, IdAllocator ids,
                             ResourceHistory histories) {
        this.commands = commands;
        this.queries = queries;
        this.updates = updates;
        this.ids = ids;
        this.histories = histories;
    }

    @GetMapping("/clients/{id}/contacts")
    @RequiresScope("read:contacts")
    public Map<String, Object> list(@PathVariable long id, HttpServletRequest request) {
        PageRequest page = QueryParams.page(request);
        queries.one(new FindClient(id), "Client");
        return Envelopes.list("contacts", queries.page(new ListContacts(id, page)), page);
    }

    @PostMapping("/clients/{id}/contacts")
    @RequiresScope("write:contacts")
    public ResponseEntity<Map<String, Object>> create(@PathVariable long id, JsonBody body) {
        queries.one(new FindClient(id), "Client");
        ContactDetails details = ContactFields.read(body, null);
        body.throwIfInvalid();
        long contactId = ids.next(AggregateIds.CONTACT);
        commands.send(new CreateContact(contactId, id, details));
        return Envelopes.created("Contact", "contact", find(contactId), "/api/v1/contacts/" + contactId);
    }

    @GetMapping("/contacts/{id}")
    @RequiresScope("read:contacts")
    public ResponseEntity<Map<String, Object>> get(@PathVariable long id) {
        return Envelopes.one("contact", find(id));
    }

    @RequestMapping(path = "/contacts/{id}", method = {RequestMethod.PUT, RequestMethod.PATCH})
    @RequiresScope("write:contacts")
    public ResponseEntity<Map<String, Object>> update(@PathVariable long id, JsonBody body,
                                                      HttpServletRequest request) {
        updates.<ContactView>apply(request, () -> find(id), (current, expectedVersion) -> {
            ContactDetails details = ContactFields.read(body, current);
            body.throwIfInvalid();
            return new UpdateContact(id, details, expectedVersion);
        });
        return Envelopes.updated("Contact", "contact", find(id));
    }

    @DeleteMapping("/contacts/{id}")
    @RequiresScope("write:contacts")
    public Map<String, Object> delete(@PathVariable long id, HttpServletRequest request) {
        find(id);
        commands.send(new DeleteContact(id, Preconditions.ifMatch(request)));
        return Envelopes.message("Contact deleted successfully");
    }

    /** The contact's trail, oldest first; a deleted contact stays readable, and so does its trail. */
    @GetMapping("/contacts/{id}/history")
    @RequiresScope("read:contacts")
    public Map<String, Object> history(@PathVariable long id, HttpServletRequest request) {
        return histories.of(AggregateIds.CONTACT, id, "Contact", true, RequestContext.caller(request), request);
    }

    private Versioned<ContactView> find(long id) {
        return queries.one(new FindContact(id), "Contact");
    }
}
