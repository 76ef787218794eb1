package io.timetracker.command.deal;

import io.timetracker.command.common.Actor;
import io.timetracker.command.common.CommandRejectedException;
import io.timetracker.command.common.Rejected;
import io.timetracker.command.common.Rejection;
import io.timetracker.events.deal.DealCreated;
import io.timetracker.events.deal.DealDeleted;
import io.timetracker.events.deal.DealDetails;
import io.timetracker.events.deal.DealUpdated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

class DealAggregateTest {

    private static final long OWNER = 3;
    private static final Actor OWNER_ACTOR = new Actor(OWNER, false);
    private static final Actor STRANGER = new Actor(4, false);
    private static final Actor ADMIN = new Actor(1, true);
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-03-02T10:00:00Z");

    private final DealReferences references = mock(DealReferences.class);
    private AggregateTestFixture<DealAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DealAggregate.class);
        fixture.registerInjectableResource(references);
    }

    @Test
    void aNewDealIsOpenUnlessItStartsInAClosingStage() {
        fixture.givenNoPriorActivity()
                .when(new CreateDeal(1, OWNER_ACTOR, deal("proposal", OWNER), NOW))
                .expectEvents(new DealCreated(1, deal("proposal", OWNER), "open", null, OWNER));
        fixture.givenNoPriorActivity()
                .when(new CreateDeal(2, OWNER_ACTOR, deal("closed_won", OWNER), NOW))
                .expectEvents(new DealCreated(2, deal("closed_won", OWNER), "won", NOW, OWNER));
    }

    @Test
    void closingStagesDecideTheStatusAndKeepTheClosingMoment() {
        fixture.given(new DealCreated(1, deal("proposal", OWNER), "open", null, OWNER))
                .when(new UpdateDeal(1, OWNER_ACTOR, deal("closed_lost", OWNER), null, NOW, 0L))
                .expectEvents(new DealUpdated(1, deal("closed_lost", OWNER), "lost", NOW));
        fixture.given(new DealCreated(1, deal("closed_won", OWNER), "won", NOW, OWNER))
                .when(new UpdateDeal(1, OWNER_ACTOR, deal("closed_lost", OWNER), null, LATER, 0L))
                .expectEvents(new DealUpdated(1, deal("closed_lost", OWNER), "lost", NOW));
        fixture.given(new DealCreated(1, deal("closed_won", OWNER), "won", NOW, OWNER))
                .when(new UpdateDeal(1, OWNER_ACTOR, deal("negotiation", OWNER), null, LATER, 0L))
                .expectEvents(new DealUpdated(1, deal("negotiation", OWNER), "open", null));
    }

    @Test
    void aDealIsCancelledByItsStatusButNeverWonByIt() {
        fixture.given(new DealCreated(1, deal("proposal", OWNER), "open", null, OWNER))
                .when(new UpdateDeal(1, OWNER_ACTOR, deal("proposal", OWNER), "cancelled", NOW, 0L))
                .expectEvents(new DealUpdated(1, deal("proposal", OWNER), "cancelled", null));
        fixture.given(new DealCreated(1, deal("proposal", OWNER), "open", null, OWNER))
                .when(new UpdateDeal(1, OWNER_ACTOR, deal("proposal", OWNER), "won", NOW, 0L))
                .expectNoEvents()
                .expectException(Rejected.invalid("status"));
    }

    @Test
    void anUnchangedDealRecordsNothing() {
        fixture.given(new DealCreated(1, deal("proposal", OWNER), "open", null, OWNER))
                .when(new UpdateDeal(1, OWNER_ACTOR, deal("proposal", OWNER), null, NOW, 0L))
                .expectNoEvents();
    }

    @Test
    void stagesAndProbabilitiesOutsideTheirRangeAreRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateDeal(1, OWNER_ACTOR, deal("dreaming", OWNER), NOW))
                .expectException(Rejected.invalid("stage"));
        DealDetails sure = new DealDetails("Deal", null, null, null, null, "proposal", BigDecimal.TEN, "EUR", 101,
                null, null, OWNER);
        fixture.givenNoPriorActivity()
                .when(new CreateDeal(1, OWNER_ACTOR, sure, NOW))
                .expectException(Rejected.invalid("probability"));
    }

    @Test
    void onlyTheOwnerOrAnAdminSeesAndChangesADealAndOnlyAdminsGiveItAway() {
        fixture.given(new DealCreated(1, deal("proposal", OWNER), "open", null, OWNER))
                .when(new UpdateDeal(1, STRANGER, deal("negotiation", OWNER), null, NOW, null))
                .expectException(Rejected.as(Rejection.NOT_FOUND));
        fixture.given(new DealCreated(1, deal("proposal", OWNER), "open", null, OWNER))
                .when(new DeleteDeal(1, STRANGER, null))
                .expectException(Rejected.as(Rejection.NOT_FOUND));
        fixture.given(new DealCreated(1, deal("proposal", OWNER), "open", null, OWNER))
                .when(new UpdateDeal(1, OWNER_ACTOR, deal("proposal", 9), null, NOW, null))
                .expectException(Rejected.as(Rejection.FORBIDDEN));
        fixture.givenNoPriorActivity()
                .when(new CreateDeal(1, STRANGER, deal("proposal", OWNER), NOW))
                .expectException(Rejected.as(Rejection.FORBIDDEN));
        fixture.given(new DealCreated(1, deal("proposal", OWNER), "open", null, OWNER))
                .when(new UpdateDeal(1, ADMIN, deal("proposal", 9), null, NOW, null))
                .expectEvents(new DealUpdated(1, deal("proposal", 9), "open", null));
    }

    @Test
    void aMissingReferenceIsRefused() {
        doThrow(CommandRejectedException.invalid("contact_id", "not of this client")).when(references)
                .requireExisting(any(), any());

        fixture.givenNoPriorActivity()
                .when(new CreateDeal(1, OWNER_ACTOR, deal("proposal", OWNER), NOW))
                .expectNoEvents()
                .expectException(Rejected.invalid("contact_id"));
    }

    @Test
    void aDeletedDealIsGone() {
        fixture.given(new DealCreated(1, deal("proposal", OWNER), "open", null, OWNER))
                .when(new DeleteDeal(1, OWNER_ACTOR, 0L))
                .expectEvents(new DealDeleted(1));
        fixture.given(new DealCreated(1, deal("proposal", OWNER), "open", null, OWNER), new DealDeleted(1))
                .when(new UpdateDeal(1, ADMIN, deal("negotiation", OWNER), null, NOW, null))
                .expectException(Rejected.as(Rejection.NOT_FOUND));
    }

    private static DealDetails deal(String stage, long owner) {
        return new DealDetails("Deal", 7L, null, null, null, stage, new BigDecimal("100.00"), "EUR", 50, null, null,
                owner);
    }
}
