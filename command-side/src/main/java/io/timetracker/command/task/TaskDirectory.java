package io.timetracker.command.task;

import io.timetracker.command.common.AggregateDirectory;
import io.timetracker.events.AggregateIds;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Lets time entries check that their task exists and belongs to their project. */
@Component
public class TaskDirectory extends AggregateDirectory<TaskAggregate> {

    public TaskDirectory(@Qualifier("taskAggregateRepository") Repository<TaskAggregate> tasks) {
        super(tasks, AggregateIds.TASK);
    }

    public void requireInProject(long taskId, long projectId, String field) {
        require(taskId, field, task -> task.belongsTo(projectId),
                "Task " + taskId + " does not belong to project " + projectId);
    }
}
