package io.timetracker.api.lead;

import io.timetracker.api.audit.ResourceHistory;
import io.timetracker.api.auth.Caller;
import io.timetracker.api.auth.RequiresScope;
import io.timetracker.api.web.CommandDispatcher;
import io.timetracker.api.web.Envelopes;
import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.PartialUpdates;
import io.timetracker.api.web.Preconditions;
import io.timetracker.api.web.Queries;
import io.timetracker.api.web.QueryParams;
import io.timetracker.api.web.RequestContext;
import io.timetracker.command.common.IdAllocator;
import io.timetracker.command.lead.CreateLead;
import io.timetracker.command.lead.DeleteLead;
import io.timetracker.command.lead.LeadStatuses;
import io.timetracker.command.lead.UpdateLead;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.lead.LeadDetails;
import io.timetracker.query.common.PageRequest;
import io.timetracker.query.common.Versioned;
import io.timetracker.query.lead.LeadQueries.FindLead;
import io.timetracker.query.lead.LeadQueries.ListLeads;
import io.timetracker.query.lead.LeadView;
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
import java.util.stream.Stream;
import java.util.Map;

/** Contract §7, leads. Non-admins see and change only the leads they own (another user's is 404). */
@RestController
@RequestMapping("/api/v1/leads")
public class LeadController {

    static final int MAX_SEARCH = 200;
    /** The {@code status} filter: a status, or all (absent: the open leads, neither converted nor lost). */
    static final List<String> STATUS_FILTER = Stream.concat(LeadStatuses.ALL.stream(), Stream.of(ListLeads.ALL))
            .toList();

    private final CommandDispatcher commands;
    private final Queries queries;
    private final PartialUpdates updates;
    private final IdAllocator ids;
    private final ResourceHistory histories;

    public LeadController(CommandDispatcher commands, Queries queries, PartialUpdates updates, IdAllocator ids,
                          ResourceHistory histories) {
        this.commands = commands;
        this.queries = queries;
        this.updates = updates;
        this.ids = ids;
        this.histories = histories;
    }

    /** {@code status} absent: the open leads, neither converted nor lost. */
    @GetMapping
    @RequiresScope("read:leads")
    public Map<String, Object> list(HttpServletRequest request) {
        PageRequest page = QueryParams.page(request);
        String status = QueryParams.oneOf(request, "status", STATUS_FILTER, null);
        String search = QueryParams.text(request, "search", MAX_SEARCH);
        String source = QueryParams.text(request, "source", MAX_SEARCH);
        Long owner = QueryParams.visibleOwner(request, RequestContext.caller(request));
        return Envelopes.list("leads", queries.page(new ListLeads(status, source, owner, search, page)), page);
    }

    @GetMapping("/{id}")
    @RequiresScope("read:leads")
    public ResponseEntity<Map<String, Object>> get(@PathVariable long id, HttpServletRequest request) {
        return Envelopes.one("lead", find(id, RequestContext.caller(request)));
    }

    @PostMapping
    @RequiresScope("write:leads")
    public ResponseEntity<Map<String, Object>> create(JsonBody body, HttpServletRequest request) {
        Caller caller = RequestContext.caller(request);
        LeadDetails details = LeadFields.read(body, null, caller.userId());
        body.throwIfInvalid();
        long id = ids.next(AggregateIds.LEAD);
        commands.send(new CreateLead(id, caller.actor(), details));
        return Envelopes.created("Lead", "lead", find(id, caller), "/api/v1/leads/" + id);
    }

    @RequestMapping(path = "/{id}", method = {RequestMethod.PUT, RequestMethod.PATCH})
    @RequiresScope("write:leads")
    public ResponseEntity<Map<String, Object>> update(@PathVariable long id, JsonBody body,
                                                      HttpServletRequest request) {
        Caller caller = RequestContext.caller(request);
        updates.<LeadView>apply(request, () -> find(id, caller), (current, expectedVersion) -> {
            LeadDetails details = LeadFields.read(body, current, caller.userId());
            body.throwIfInvalid();
            return new UpdateLead(id, caller.actor(), details, expectedVersion);
        });
        return Envelopes.updated("Lead", "lead", find(id, caller));
    }

    @DeleteMapping("/{id}")
    @RequiresScope("write:leads")
    public Map<String, Object> delete(@PathVariable long id, HttpServletRequest request) {
        Caller caller = RequestContext.caller(request);
        find(id, caller);
        commands.send(new DeleteLead(id, caller.actor(), Preconditions.ifMatch(request)));
        return Envelopes.message("Lead deleted successfully");
    }

    /** The lead's trail, oldest first, conversions included: its owner's and admins' (a deleted lead's: admins'). */
    @GetMapping("/{id}/history")
    @RequiresScope("read:leads")
    public Map<String, Object> history(@PathVariable long id, HttpServletRequest request) {
        Caller caller = RequestContext.caller(request);
        boolean visible = queries.visibleTo(new FindLead(id), LeadView::ownerId, caller.actor());
        return histories.of(AggregateIds.LEAD, id, "Lead", visible, caller, request);
    }

    private Versioned<LeadView> find(long id, Caller caller) {
        return queries.owned(new FindLead(id), "Lead", LeadView::ownerId, caller.actor());
    }
}
