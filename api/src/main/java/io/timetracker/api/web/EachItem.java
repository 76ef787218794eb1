package io.timetracker.api.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * A bulk request's items (read as {@link BodyField#ids}), each acted on alone (one command each, so one item's refusal never undoes another's
 * change), and the per-item results the bulk endpoints answer with: the item's id, {@code success}, and either what
 * the action adds or the refusal's {@code error_code}.
 */
public final class EachItem {

    /** The results in the order of the distinct ids, and how many succeeded. */
    public record Outcome(List<Map<String, Object>> results, int succeeded) {
    }

    private EachItem() {
    }

    /**
     * @param idKey  the key of the id in each result
     * @param action acts on one id and returns what its result adds on success; an expected refusal is thrown
     */
    public static Outcome of(List<Long> ids, String idKey, LongFunction<Map<String, Object>> action) {
        List<Map<String, Object>> results = new ArrayList<>();
        int succeeded = 0;
        for (long id : new LinkedHashSet<>(ids)) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put(idKey, id);
            try {
                Map<String, Object> added = action.apply(id);
                result.put("success", true);
                result.putAll(added);
                succeeded++;
            } catch (RuntimeException refused) {
                result.put("success", false);
                result.put("error_code", Rejections.errorCodeOf(refused));
            }
            results.add(result);
        }
        return new Outcome(results, succeeded);
    }
}
