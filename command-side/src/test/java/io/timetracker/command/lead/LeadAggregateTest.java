package io.timetracker.command.lead;

import io.timetracker.command.common.Actor;
import io.timetracker.command.common.CommandRejectedException;
import io.timetracker.command.common.Rejected;
import io.timetracker.command.common.Rejection;
import io.timetracker.command.user.UserDirectory;
import io.timetracker.events.lead.LeadCreated;
import io.timetracker.events.lead.LeadDeleted;
import io.timetracker.events.lead.LeadDetails;
import io.timetracker.events.lead.LeadUpdated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class LeadAggregateTest {

    private static final long OWNER = 3;
    private static final Actor OWNER_ACTOR = new Actor(OWNER, false);
    private static final Actor STRANGER = new Actor(4, false);
    private static final Actor ADMIN = new Actor(1, true);

    private final UserDirectory users = mock(UserDirectory.class);
    private final LeadDirectory directory = mock(LeadDirectory.class);
    private AggregateTestFixture<LeadAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LeadAggregate.class);
        fixture.registerInjectableResource(users);
        fixture.registerInjectableResource(directory);
    }

    @Test
    void createRecordsTheLeadAndItsDirectoryEntry() {
        fixture.givenNoPriorActivity()
                .when(new CreateLead(1, OWNER_ACTOR, lead("new", 40, OWNER)))
                .expectEvents(new LeadCreated(1, lead("new", 40, OWNER), OWNER));

        verify(users).requireActive(OWNER, "owner_id");
        verify(directory).record(1, false);
    }

    @Test
    void statusAndScoreMustBeKnownAndInRange() {
        fixture.givenNoPriorActivity()
                .when(new CreateLead(1, OWNER_ACTOR, lead("hot", 40, OWNER)))
                .expectException(Rejected.invalid("status"));
        fixture.givenNoPriorActivity()
                .when(new CreateLead(1, OWNER_ACTOR, lead("new", 101, OWNER)))
                .expectException(Rejected.invalid("score"));
    }

    @Test
    void anInactiveOwnerIsRefused() {
        doThrow(CommandRejectedException.invalid("owner_id", "No active user")).when(users)
                .requireActive(9, "owner_id");

        fixture.givenNoPriorActivity()
                .when(new CreateLead(1, ADMIN, lead("new", null, 9)))
                .expectNoEvents()
                .expectException(Rejected.invalid("owner_id"));
    }

    @Test
    void onlyTheOwnerOrAnAdminSeesAndChangesALeadAndOnlyAdminsGiveItAway() {
        fixture.given(new LeadCreated(1, lead("new", 40, OWNER), OWNER))
                .when(new UpdateLead(1, STRANGER, lead("contacted", 40, OWNER), null))
                .expectException(Rejected.as(Rejection.NOT_FOUND));
        fixture.given(new LeadCreated(1, lead("new", 40, OWNER), OWNER))
                .when(new UpdateLead(1, OWNER_ACTOR, lead("new", 40, 9), null))
                .expectException(Rejected.as(Rejection.FORBIDDEN));
        fixture.given(new LeadCreated(1, lead("new", 40, OWNER), OWNER))
                .when(new UpdateLead(1, OWNER_ACTOR, lead("qualified", 70, OWNER), 0L))
                .expectEvents(new LeadUpdated(1, lead("qualified", 70, OWNER)));
        fixture.given(new LeadCreated(1, lead("new", 40, OWNER), OWNER))
                .when(new UpdateLead(1, ADMIN, lead("new", 40, OWNER), 0L))
                .expectNoEvents();
    }

    @Test
    void aDeletedLeadIsGone() {
        fixture.given(new LeadCreated(1, lead("new", 40, OWNER), OWNER))
                .when(new DeleteLead(1, OWNER_ACTOR, 0L))
                .expectEvents(new LeadDeleted(1));
        verify(directory).record(1, true);
        fixture.given(new LeadCreated(1, lead("new", 40, OWNER), OWNER), new LeadDeleted(1))
                .when(new DeleteLead(1, ADMIN, null))
                .expectException(Rejected.as(Rejection.NOT_FOUND));
    }

    private static LeadDetails lead(String status, Integer score, long owner) {
        return new LeadDetails("Ada", "King", "Engines", null, null, null, "web", status, score, null, null, null,
                null, owner);
    }
}
