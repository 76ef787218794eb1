package io.timetracker.command.lead;

import io.timetracker.command.client.ClientAggregate;
import io.timetracker.command.client.ClientDirectory;
import io.timetracker.command.client.CreateClient;
import io.timetracker.command.common.CommandRejectedException;
import io.timetracker.command.common.UniqueKeys;
import io.timetracker.command.contact.ContactCommands;
import io.timetracker.command.contact.ContactRoles;
import io.timetracker.command.contact.CreateContact;
import io.timetracker.command.deal.CreateDeal;
import io.timetracker.command.deal.DealAggregate;
import io.timetracker.command.deal.DealReferences;
import io.timetracker.command.deal.DealStages;
import io.timetracker.events.client.ClientDetails;
import io.timetracker.events.contact.ContactDetails;
import io.timetracker.events.deal.DealDetails;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Lead conversions: each one command that creates what the lead becomes and marks the lead converted in one unit
 * of work, so in one transaction: all of it is recorded or none. The lead is loaded first, so two conversions of
 * one lead take their turn (its lock on this node, its event sequence across nodes) and the second finds it
 * converted, or fails on the sequence it lost.
 */
@Component
public class LeadConversions {

    static final int MAX_CLIENT_NAME = 200;

    private final Repository<LeadAggregate> leads;
    private final Repository<ClientAggregate> clients;
    private final Repository<DealAggregate> deals;
    private final ContactCommands contacts;
    private final UniqueKeys uniqueKeys;
    private final ClientDirectory clientDirectory;
    private final DealReferences dealReferences;

    public LeadConversions(@Qualifier("leadAggregateRepository") Repository<LeadAggregate> leads,
                           @Qualifier("clientAggregateRepository") Repository<ClientAggregate> clients,
                           @Qualifier("dealAggregateRepository") Repository<DealAggregate> deals,
                           ContactCommands contacts, UniqueKeys uniqueKeys, ClientDirectory clientDirectory,
                           DealReferences dealReferences) {
        this.leads = leads;
        this.clients = clients;
        this.deals = deals;
        this.contacts = contacts;
        this.uniqueKeys = uniqueKeys;
        this.clientDirectory = clientDirectory;
        this.dealReferences = dealReferences;
    }

    /** The client is named after the lead's company, else the lead; its primary contact is the lead's person. */
    @CommandHandler
    public void handle(ConvertLeadToClient command) throws Exception {
        Aggregate<LeadAggregate> lead = leads.load(command.aggregateId(), command.expectedVersion());
        LeadToConvert source = lead.invoke(aggregate -> aggregate.requireConvertibleToClient(command.actor()));
        if (source.name().length() > MAX_CLIENT_NAME) {
            throw CommandRejectedException.invalid("company_name",
                    "A client name has at most " + MAX_CLIENT_NAME + " characters: give the lead a company name");
        }
        CreateClient client = new CreateClient(command.clientId(), new ClientDetails(source.name(), null,
                source.fullName(), source.details().companyName(), source.details().email(), source.details().phone(),
                null, null, null));
        clients.newInstance(() -> new ClientAggregate(client, uniqueKeys, clientDirectory));
        contacts.handle(new CreateContact(command.contactId(), command.clientId(), new ContactDetails(
                source.details().firstName(), source.details().lastName(), source.details().email(),
                source.details().phone(), null, source.details().title(), null, ContactRoles.CONTACT, true, null, null,
                null)));
        lead.execute(aggregate -> aggregate.markConvertedToClient(command.clientId(), command.contactId(),
                command.actor()));
    }

    @CommandHandler
    public void handle(ConvertLeadToDeal command) throws Exception {
        Aggregate<LeadAggregate> lead = leads.load(command.aggregateId(), command.expectedVersion());
        LeadToConvert source = lead.invoke(aggregate -> aggregate.requireConvertibleToDeal(command.actor()));
        DealDetails deal = new DealDetails(command.name() != null ? command.name() : source.name(), source.clientId(),
                source.contactId(), source.leadId(), null, command.stage() != null ? command.stage() : DealStages.FIRST,
                source.details().estimatedValue(), source.details().currencyCode() != null
                ? source.details().currencyCode() : DealStages.DEFAULT_CURRENCY,
                command.probability() != null ? command.probability() : DealStages.DEFAULT_PROBABILITY,
                command.expectedCloseDate(), source.details().notes(), source.details().ownerId());
        CreateDeal create = new CreateDeal(command.dealId(), command.actor(), deal, command.at());
        deals.newInstance(() -> new DealAggregate(create, dealReferences));
        lead.execute(aggregate -> aggregate.markConvertedToDeal(command.dealId(), command.actor()));
    }
}
