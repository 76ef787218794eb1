package io.timetracker.api.client;

import io.timetracker.api.audit.ResourceHistory;
import io.timetracker.api.auth.RequiresScope;
import io.timetracker.api.web.CommandDispatcher;
import io.timetracker.api.web.Envelopes;
import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.PartialUpdates;
import io.timetracker.api.web.Preconditions;
import io.timetracker.api.web.Queries;
import io.timetracker.api.web.QueryParams;
import io.timetracker.api.web.RequestContext;
import io.timetracker.command.client.ArchiveClient;
import io.timetracker.command.client.CreateClient;
import io.timetracker.command.client.UpdateClient;
import io.timetracker.command.common.IdAllocator;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.client.ClientDetails;
import io.timetracker.query.client.ClientQueries.FindClient;
import io.timetracker.query.client.ClientQueries.ListClients;
import io.timetracker.query.client.ClientView;
import io.timetracker.query.common.PageRequest;
import io.timetracker.query.common.Versioned;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** Contract §3, clients. */
@RestController
@RequestMapping("/api/v1/clients")
public class ClientController {

    private final CommandDispatcher commands;
    private final Queries queries;
    private final PartialUpdates updates;
    private final IdAllocator ids;
    private final ResourceHistory histories;

    public ClientController(CommandDispatcher commands, Queries queries, PartialUpdates updates, IdAllocator ids,
                            ResourceHistory histories) {
        this.commands = commands;
        this.queries = queries;
        this.updates = updates;
        this.ids = ids;
        this.histories = histories;
    }

    @GetMapping
    @RequiresScope("read:clients")
    public Map<String, Object> list(HttpServletRequest request) {
        PageRequest page = QueryParams.page(request);
        String status = QueryParams.oneOf(request, "status", List.of("active", "inactive", "all"), "active");
        return Envelopes.list("clients", queries.page(new ListClients(status, page)), page);
    }

    @GetMapping("/{id}")
    @RequiresScope("read:clients")
    public ResponseEntity<Map<String, Object>> get(@PathVariable long id) {
        return Envelopes.one("client", find(id));
    }

    /** The client's trail, oldest first; every reader of clients sees every client. */
    @GetMapping("/{id}/history")
    @RequiresScope("read:clients")
    public Map<String, Object> history(@PathVariable long id, HttpServletRequest request) {
        return histories.of(AggregateIds.CLIENT, id, "Client", true, RequestContext.caller(request), request);
    }

    @PostMapping
    @RequiresScope("write:clients")
    public ResponseEntity<Map<String, Object>> create(JsonBody body) {
        ClientDetails details = ClientFields.read(body, null);
        body.throwIfInvalid();
        long id = ids.next(AggregateIds.CLIENT);
        commands.send(new CreateClient(id, details));
        return Envelopes.created("Client", "client", find(id), "/api/v1/clients/" + id);
    }

    @RequestMapping(path = "/{id}", method = {RequestMethod.PUT, RequestMethod.PATCH})
    @RequiresScope("write:clients")
    public ResponseEntity<Map<String, Object>> update(@PathVariable long id, JsonBody body,
                                                      HttpServletRequest request) {
        updates.<ClientView>apply(request, () -> find(id), (current, expectedVersion) -> {
            ClientDetails details = ClientFields.read(body, current);
            Boolean active = ClientFields.readActive(body, current);
            body.throwIfInvalid();
            return new UpdateClient(id, details, active, expectedVersion);
        });
        return Envelopes.updated("Client", "client", find(id));
    }

    @DeleteMapping("/{id}")
    @RequiresScope("write:clients")
    public Map<String, Object> archive(@PathVariable long id, HttpServletRequest request) {
        find(id);
        commands.send(new ArchiveClient(id, Preconditions.ifMatch(request)));
        return Envelopes.message("Client archived successfully");
    }

    private Versioned<ClientView> find(long id) {
        return queries.one(new FindClient(id), "Client");
    }
}
