package io.timetracker.api.deal;

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
import io.timetracker.command.deal.CreateDeal;
import io.timetracker.command.deal.DealStages;
import io.timetracker.command.deal.DeleteDeal;
import io.timetracker.command.deal.UpdateDeal;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.deal.DealDetails;
import io.timetracker.query.common.PageRequest;
import io.timetracker.query.common.Versioned;
import io.timetracker.query.deal.DealQueries.FindDeal;
import io.timetracker.query.deal.DealQueries.ListDeals;
import io.timetracker.query.deal.DealView;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;

/**
 * Contract §7, deals. Non-admins see and change only the deals they own (another user's is 404). The stage
 * decides whether a deal is won or lost; a create reads no {@code status}.
 */
@RestController
@RequestMapping("/api/v1/deals")
public class DealController {

    private static final String ALL = "all";
    /** The {@code status} filter: a status, or all. */
    static final List<String> STATUS_FILTER = Stream.concat(DealStages.STATUSES.stream(), Stream.of(ALL)).toList();

    private final CommandDispatcher commands;
    private final Queries queries;
    private final PartialUpdates updates;
    private final IdAllocator ids;
    private final Clock clock;
    private final ResourceHistory histories;

    public DealController(CommandDispatcher commands, Queries queries, PartialUpdates updates, IdAllocator ids,
                          Clock clock, ResourceHistory histories) {
        this.commands = commands;
        this.queries = queries;
        this.updates = updates;
        this.ids = ids;
        this.clock = clock;
        this.histories = histories;
    }

    @GetMapping
    @RequiresScope("read:deals")
    public Map<String, Object> list(HttpServletRequest request) {
        PageRequest page = QueryParams.page(request);
        String status = QueryParams.oneOf(request, "status", STATUS_FILTER, DealStages.OPEN);
        String stage = QueryParams.oneOf(request, "stage", DealStages.STAGES, null);
        Long owner = QueryParams.visibleOwner(request, RequestContext.caller(request));
        return Envelopes.list("deals", queries.page(new ListDeals(ALL.equals(status) ? null : status, stage, owner,
                page)), page);
    }

    @GetMapping("/{id}")
    @RequiresScope("read:deals")
    public ResponseEntity<Map<String, Object>> get(@PathVariable long id, HttpServletRequest request) {
        return Envelopes.one("deal", find(id, RequestContext.caller(request)));
    }

    /** The deal's trail, oldest first: its owner's and admins' (a deleted deal's: admins'). */
    @GetMapping("/{id}/history")
    @RequiresScope("read:deals")
    public Map<String, Object> history(@PathVariable long id, HttpServletRequest request) {
        Caller caller = RequestContext.caller(request);
        boolean visible = queries.visibleTo(new FindDeal(id), DealView::ownerId, caller.actor());
        return histories.of(AggregateIds.DEAL, id, "Deal", visible, caller, request);
    }

    @PostMapping
    @RequiresScope("write:deals")
    public ResponseEntity<Map<String, Object>> create(JsonBody body, HttpServletRequest request) {
        Caller caller = RequestContext.caller(request);
        DealDetails details = DealFields.read(body, null, caller.userId());
        body.throwIfInvalid();
        long id = ids.next(AggregateIds.DEAL);
        commands.send(new CreateDeal(id, caller.actor(), details, clock.instant()));
        return Envelopes.created("Deal", "deal", find(id, caller), "/api/v1/deals/" + id);
    }

    @RequestMapping(path = "/{id}", method = {RequestMethod.PUT, RequestMethod.PATCH})
    @RequiresScope("write:deals")
    public ResponseEntity<Map<String, Object>> update(@PathVariable long id, JsonBody body,
                                                      HttpServletRequest request) {
        Caller caller = RequestContext.caller(request);
        updates.<DealView>apply(request, () -> find(id, caller), (current, expectedVersion) -> {
            DealDetails details = DealFields.read(body, current, caller.userId());
            String status = DealFields.readStatus(body);
            body.throwIfInvalid();
            return new UpdateDeal(id, caller.actor(), details, status, clock.instant(), expectedVersion);
        });
        return Envelopes.updated("Deal", "deal", find(id, caller));
    }

    @DeleteMapping("/{id}")
    @RequiresScope("write:deals")
    public Map<String, Object> delete(@PathVariable long id, HttpServletRequest request) {
        Caller caller = RequestContext.caller(request);
        find(id, caller);
        commands.send(new DeleteDeal(id, caller.actor(), Preconditions.ifMatch(request)));
        return Envelopes.message("Deal deleted successfully");
    }

    private Versioned<DealView> find(long id, Caller caller) {
        return queries.owned(new FindDeal(id), "Deal", DealView::ownerId, caller.actor());
    }
}
