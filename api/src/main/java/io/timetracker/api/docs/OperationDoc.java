package io.timetracker.api.docs;

import io.timetracker.api.web.BodyShape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one handler method's operation(s) say beyond what the route table knows: ids, summary, the body it reads,
 * its success answer, its query parameters and the errors particular to it. The statuses every operation of its
 * kind can give (401, 403 for a token; 429; 400, 413, 415 for a write; 404 for a resource; 500) are added by
 * {@link OpenApiDocument}.
 */
public final class OperationDoc {

    final String tag;
    final Map<String, String> ids = new LinkedHashMap<>();
    String summary;
    String description;
    BodyShape body;
    Answer answer;
    /** Other answers that are no errors (a 503 that still reports a state). */
    final List<Answer> otherAnswers = new ArrayList<>();
    final List<QueryParam> params = new ArrayList<>();
    /** Error statuses particular to this operation, with what they mean here. */
    final Map<Integer, String> errors = new TreeMap<>();

    OperationDoc(String tag) {
        this.tag = tag;
    }

    /** The operation id (for a handler that answers several methods, see {@link #id(String, String)}). */
    public OperationDoc id(String operationId) {
        ids.put("*", operationId);
        return this;
    }

    /** The operation id for one HTTP method of a handler that answers several (PUT and PATCH). */
    public OperationDoc id(String method, String operationId) {
        ids.put(method, operationId);
        return this;
    }

    public OperationDoc summary(String text) {
        summary = text;
        return this;
    }

    public OperationDoc description(String text) {
        description = text;
        return this;
    }

    /** The body the handler reads. */
    public OperationDoc body(BodyShape shape) {
        body = shape;
        return this;
    }

    public OperationDoc answers(Answer success) {
        answer = success;
        return this;
    }

    public OperationDoc alsoAnswers(Answer other) {
        otherAnswers.add(other);
        return this;
    }

    public OperationDoc param(QueryParam param) {
        params.add(param);
        return this;
    }

    /** An error status this operation gives besides the ones of its kind, and when. */
    public OperationDoc error(int status, String when) {
        errors.merge(status, when, (first, second) -> first + "; " + second);
        return this;
    }

    String idFor(String method) {
        return ids.containsKey(method) ? ids.get(method) : ids.get("*");
    }
}
