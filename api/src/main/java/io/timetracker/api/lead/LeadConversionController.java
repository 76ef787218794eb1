package io.timetracker.api.lead;

import io.timetracker.api.auth.Caller;
import io.timetracker.api.auth.RequiresScope;
import io.timetracker.api.web.BodyField;
import io.timetracker.api.web.BodyShape;
import io.timetracker.api.web.CommandDispatcher;
import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.Preconditions;
import io.timetracker.api.web.Queries;
import io.timetracker.api.web.RequestContext;
import io.timetracker.command.common.IdAllocator;
import io.timetracker.command.deal.DealStages;
import io.timetracker.command.lead.ConvertLeadToClient;
import io.timetracker.command.lead.ConvertLeadToDeal;
import io.timetracker.events.AggregateIds;
import io.timetracker.query.client.ClientQueries.FindClient;
import io.timetracker.query.common.Versioned;
import io.timetracker.query.contact.ContactQueries.FindContact;
import io.timetracker.query.deal.DealQueries.FindDeal;
import io.timetracker.query.lead.LeadQueries.FindLead;
import io.timetracker.query.lead.LeadView;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Contract §7, lead conversions (plus): each one command that creates what the lead becomes and marks the lead
 * converted, whole or not at all. They create a client or a deal, so they need that scope as well as the lead's.
 */
@RestController
@RequestMapping("/api/v1/leads/{id}")
public class LeadConversionController {

    static final BodyField<String> DEAL_NAME = BodyField.text("name", 200)
            .describedAs("The deal's name (default: from the lead)");
    static final BodyField<String> DEAL_STAGE = BodyField.oneOf("stage", DealStages.STAGES)
            .describedAs("The deal's stage (default: " + DealStages.FIRST + ")");
    static final BodyField<Long> DEAL_PROBABILITY = BodyField.integer("probability", 0, 100)
            .describedAs("Percent (default: " + DealStages.DEFAULT_PROBABILITY + ")");
    static final BodyField<LocalDate> DEAL_EXPECTED_CLOSE_DATE = BodyField.date("expected_close_date");
    static final BodyShape TO_DEAL = BodyShape.of("LeadConversionToDeal", DEAL_NAME, DEAL_STAGE, DEAL_PROBABILITY,
            DEAL_EXPECTED_CLOSE_DATE);

    private final CommandDispatcher commands;
    private final Queries queries;
    private final IdAllocator ids;
    private final Clock clock;

    public LeadConversionController(CommandDispatcher commands, Queries queries, IdAllocator ids, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.ids = ids;
        this.clock = clock;
    }

    /** The client is named after the lead's company (else the lead), its primary contact is the lead's person. */
    @PostMapping("/convert-to-client")
    @RequiresScope({"write:leads", "write:clients"})
    public ResponseEntity<Map<String, Object>> toClient(@PathVariable long id, JsonBody body,
                                                        HttpServletRequest request) {
        Caller caller = RequestContext.caller(request);
        find(id, caller);
        body.throwIfInvalid();
        long clientId = ids.next(AggregateIds.CLIENT);
        long contactId = ids.next(AggregateIds.CONTACT);
        commands.send(new ConvertLeadToClient(id, caller.actor(), clientId, contactId, Preconditions.ifMatch(request)));
        Map<String, Object> answer = answer("Lead converted to client", id, caller);
        answer.put("client", queries.one(new FindClient(clientId), "Client").value());
        answer.put("contact", queries.one(new FindContact(contactId), "Contact").value());
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/clients/" + clientId))
                .body(answer);
    }

    /**
     * The deal takes the lead's value, currency, owner and notes, and the client and contact it became; the body may
     * name it and give its stage, probability and expected close date.
     */
    @PostMapping("/convert-to-deal")
    @RequiresScope({"write:leads", "write:deals"})
    public ResponseEntity<Map<String, Object>> toDeal(@PathVariable long id, JsonBody body,
                                                      HttpServletRequest request) {
        Caller caller = RequestContext.caller(request);
        find(id, caller);
        String name = body.read(DEAL_NAME);
        String stage = body.read(DEAL_STAGE);
        Long probability = body.read(DEAL_PROBABILITY);
        LocalDate expectedClose = body.read(DEAL_EXPECTED_CLOSE_DATE);
        body.throwIfInvalid();
        long dealId = ids.next(AggregateIds.DEAL);
        commands.send(new ConvertLeadToDeal(id, caller.actor(), dealId, name == null || name.isEmpty() ? null : name,
                stage, probability == null ? null : probability.intValue(), expectedClose, clock.instant(), Preconditions.ifMatch(request)));
        Map<String, Object> answer = answer("Lead converted to deal", id, caller);
        answer.put("deal", queries.one(new FindDeal(dealId), "Deal").value());
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/deals/" + dealId))
                .body(answer);
    }

    private Map<String, Object> answer(String message, long leadId, Caller caller) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("message", message);
        answer.put("lead", find(leadId, caller).value());
        return answer;
    }

    private Versioned<LeadView> find(long id, Caller caller) {
        return queries.owned(new FindLead(id), "Lead", LeadView::ownerId, caller.actor());
    }
}
