package io.timetracker.api.admin;

import io.timetracker.api.web.ApiException;
import io.timetracker.api.web.ApiTime;
import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.Rejections;
import io.timetracker.query.common.Versioned;
import io.timetracker.query.user.UserQueries.FindUser;
import io.timetracker.query.user.UserQueries.ListUsers;
import io.timetracker.query.user.UserView;
import io.timetracker.api.web.Queries;
import io.timetracker.query.common.PageRequest;
import io.timetracker.query.common.PageResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the admin web's pages share: a form read as the API reads a JSON body (so its fields are checked, and refused,
 * exactly as the API's), the users to choose from, and instants in the server's zone ({@code @adminForms.at(...)} and
 * {@code day(...)} in the templates).
 */
@Component
public class AdminForms {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    /** The form's own fields, which are not the command's. */
    private static final Set<String> NOT_FIELDS = Set.of("_csrf", AdminForms.FORM_ID);
    static final String FORM_ID = "form_id";
    private static final String OPEN_FORMS = AdminForms.class.getName() + ".openForms";
    /** Forms a session may have open at once (several tabs); the oldest is forgotten beyond. */
    private static final int MAX_OPEN_FORMS = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JsonMapper json;
    private final ApiTime time;
    private final Queries queries;

    public AdminForms(JsonMapper json, ApiTime time, Queries queries) {
        this.json = json;
        this.time = time;
        this.queries = queries;
    }

    /**
     * The form's fields as a JSON body: a field sent once is a string, one sent several times (checkboxes) a list;
     * a blank field is absent. {@code lists} are always lists, their items separated by commas, spaces or lines.
     */
    public JsonBody bodyOf(HttpServletRequest request, Set<String> lists) {
        ObjectNode node = json.createObjectNode();
        request.getParameterMap().forEach((name, values) -> {
            List<String> given = Arrays.stream(values)
                    .flatMap(value -> lists.contains(name) ? Arrays.stream(value.split("[\\s,]+")) : Stream.of(value))
                    .filter(value -> !value.isBlank()).toList();
            if (NOT_FIELDS.contains(name) || given.isEmpty() && !lists.contains(name)) {
                return;
            }
            if (lists.contains(name) || given.size() > 1) {
                ArrayNode items = node.putArray(name);
                given.forEach(items::add);
            } else {
                node.put(name, given.get(0));
            }
        });
        return new JsonBody(node, time);
    }

    /**
     * A new id for a form that acts once (Create Token, rotate), kept in the session until the form is sent; it
     * identifies the form, not the secret it leads to, and nothing about that secret is kept with it.
     */
    public String newFormId(HttpServletRequest request) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        HttpSession session = request.getSession();
        synchronized (WebUtils.getSessionMutex(session)) {
            LinkedHashSet<String> open = openForms(session);
            open.add(id);
            while (open.size() > MAX_OPEN_FORMS) {
                open.remove(open.iterator().next());
            }
            session.setAttribute(OPEN_FORMS, open);
        }
        return id;
    }

    /**
     * Takes the form's id: a form acts once, so sending it again (reloading its answer, going back to it) is
     * refused instead of making a second token.
     */
    public void useOnce(HttpServletRequest request) {
        String id = request.getParameter(FORM_ID);
        HttpSession session = request.getSession();
        synchronized (WebUtils.getSessionMutex(session)) {
            LinkedHashSet<String> open = openForms(session);
            if (id == null || !open.remove(id)) {
                throw new ApiException(HttpStatus.CONFLICT, "form_used", "This form was already sent",
                        "This form was already sent, and what it made was shown once. Open the form again to make "
                                + "another.");
            }
            session.setAttribute(OPEN_FORMS, open);
        }
    }

    @SuppressWarnings("unchecked")
    private static LinkedHashSet<String> openForms(HttpSession session) {
        return session.getAttribute(OPEN_FORMS) instanceof LinkedHashSet<?> open
                ? (LinkedHashSet<String>) open : new LinkedHashSet<>();
    }

    /**
     * Runs a form's action and answers with {@code done} of its result; when the action refuses the form's fields or
     * its command, answers 400 with the form again ({@code formAgain} of the messages, field by field, {@code ""} for
     * the whole form). Any other failure goes on to the error page.
     */
    public static <T> String submit(Supplier<T> action, Function<T, String> done,
                                    Function<Map<String, List<String>>, String> formAgain,
                                    HttpServletResponse response) {
        T result;
        try {
            result = action.get();
        } catch (RuntimeException failure) {
            ApiException refused = Rejections.asApi(failure);
            if (refused == null || refused.status().is5xxServerError()) {
                throw failure;
            }
            response.setStatus(400);
            return formAgain.apply(refused.fieldErrors() != null ? refused.fieldErrors()
                    : Map.of("", List.of(refused.getMessage())));
        }
        return done.apply(result);
    }

    /**
     * What a refused form was sent with, to fill it in again: the first value of each field, never a password nor
     * the form's own fields.
     */
    public static Map<String, String> given(Map<String, String[]> parameters) {
        Map<String, String> given = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (values.length > 0 && !NOT_FIELDS.contains(name) && !name.equals("password")) {
                given.put(name, values[0]);
            }
        });
        return given;
    }

    /** Every user, by username (what the user selects and names of the pages need). */
    public List<UserView> users() {
        List<UserView> users = new ArrayList<>();
        for (int page = 1; ; page++) {
            PageResult<UserView> batch = queries.page(new ListUsers(new PageRequest(page, 100)));
            users.addAll(batch.items());
            if (batch.items().size() < 100) {
                return users;
            }
        }
    }

    public static Map<Long, String> usernames(List<UserView> users) {
        return users.stream().collect(Collectors.toMap(UserView::id, UserView::username));
    }

    /** The username of user {@code userId} ("" when there is none). */
    @SuppressWarnings("unchecked")
    public String username(long userId) {
        Versioned<UserView> user = queries.get(new FindUser(userId), Versioned.class);
        return user == null ? "" : user.value().username();
    }

    public String at(Instant instant) {
        return instant == null ? "" : AT.format(instant.atZone(time.zone()));
    }

    /** The day of {@code instant} in the server's zone, where a list has no room for the time. */
    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(time.zone()));
    }
}
