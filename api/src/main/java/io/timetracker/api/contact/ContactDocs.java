package io.timetracker.api.contact;

import io.timetracker.api.audit.AuditDocs;
import io.timetracker.api.docs.Answer;
import io.timetracker.api.docs.ApiDocs;
import io.timetracker.api.docs.ApiDocumentation;
import io.timetracker.query.contact.ContactView;
import org.springframework.stereotype.Component;

/** Contract §3 in the OpenAPI document: a client's contacts. */
@Component
class ContactDocs implements ApiDocumentation {

    @Override
    public void describe(ApiDocs docs) {
        docs.tag("Contacts", "The people of a client; at most one of a client's contacts is primary");
        docs.operation(ContactController.class, "list").id("listClientContacts")
                .summary("A client's active contacts, by last name, then first name")
                .answers(Answer.list("contacts", ContactView.class));
        docs.operation(ContactController.class, "create").id("createClientContact")
                .summary("Add a contact to a client")
                .description("The client must be active. The name comes as first_name and last_name, or as one "
                        + "name split at its last space.")
                .body(ContactFields.CREATE)
                .answers(Answer.created("contact", ContactView.class));
        docs.operation(ContactController.class, "get").id("getContact").summary("One contact")
                .description("A deleted contact stays readable (is_active false).")
                .answers(Answer.one("contact", ContactView.class));
        docs.operation(ContactController.class, "update").id("PUT", "updateContact").id("PATCH", "patchContact")
                .summary("Change a contact (only the fields sent)")
                .body(ContactFields.UPDATE)
                .answers(Answer.updated("contact", ContactView.class));
        docs.operation(ContactController.class, "delete").id("deleteContact")
                .summary("Delete a contact (it stays readable, is_active false)")
                .answers(Answer.message("Deleted"));
        AuditDocs.history(docs, ContactController.class, "Contact");
    }
}
