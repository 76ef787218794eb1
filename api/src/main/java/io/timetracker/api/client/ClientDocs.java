package io.timetracker.api.client;

import io.timetracker.api.audit.AuditDocs;
import io.timetracker.api.docs.Answer;
import io.timetracker.api.docs.ApiDocs;
import io.timetracker.api.docs.ApiDocumentation;
import io.timetracker.api.docs.QueryParam;
import io.timetracker.query.client.ClientView;
import org.springframework.stereotype.Component;

import java.util.List;

/** Contract §3 in the OpenAPI document: clients. */
@Component
class ClientDocs implements ApiDocumentation {

    @Override
    public void describe(ApiDocs docs) {
        docs.tag("Clients", "The customers projects are for");
        docs.operation(ClientController.class, "list").id("listClients").summary("List clients by name")
                .param(QueryParam.oneOf("status", List.of("active", "inactive", "all"), "active", "Which clients"))
                .answers(Answer.list("clients", ClientView.class));
        docs.operation(ClientController.class, "get").id("getClient").summary("One client")
                .answers(Answer.one("client", ClientView.class));
        docs.operation(ClientController.class, "create").id("createClient").summary("Create a client")
                .body(ClientFields.CREATE)
                .answers(Answer.created("client", ClientView.class))
                .error(409, "The name is taken");
        docs.operation(ClientController.class, "update").id("PUT", "updateClient").id("PATCH", "patchClient")
                .summary("Change a client (only the fields sent)")
                .body(ClientFields.UPDATE)
                .answers(Answer.updated("client", ClientView.class))
                .error(409, "The name is taken");
        docs.operation(ClientController.class, "archive").id("archiveClient")
                .summary("Archive a client (status inactive)")
                .answers(Answer.message("Archived"));
        AuditDocs.history(docs, ClientController.class, "Client");
    }
}
