package io.timetracker.query.replay;

import io.timetracker.query.common.ReadModel;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every read model of the application, found from the {@link ReadModel} classes: its name (the processing group
 * whose handlers write it), its tables, and its definition (which classes write it, at which version), by which a
 * changed read model is recognised and rebuilt.
 */
@Component
public class ReadModels {

    /** One read model. */
    public record Definition(String name, List<String> tables, String definition) {
    }

    private final Map<String, Definition> byName;

    public ReadModels(ApplicationContext context) {
        Map<String, List<Class<?>>> classes = new TreeMap<>();
        for (Object bean : context.getBeansWithAnnotation(ReadModel.class).values()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            classes.computeIfAbsent(type.getAnnotation(ReadModel.class).name(), name -> new ArrayList<>()).add(type);
        }
        Map<String, Definition> models = new TreeMap<>();
        classes.forEach((name, types) -> {
            types.sort(Comparator.comparing(Class::getName));
            Set<String> tables = new LinkedHashSet<>();
            StringBuilder definition = new StringBuilder();
            for (Class<?> type : types) {
                ReadModel model = type.getAnnotation(ReadModel.class);
                tables.addAll(List.of(model.tables()));
                definition.append(definition.isEmpty() ? "" : "; ").append(type.getSimpleName()).append(" v")
                        .append(model.version()).append(' ').append(String.join(",", model.tables()));
            }
            models.put(name, new Definition(name, List.copyOf(tables), definition.toString()));
        });
        this.byName = Map.copyOf(models);
    }

    /** Every read model, by name. */
    public List<Definition> all() {
        return byName.values().stream().sorted(Comparator.comparing(Definition::name)).toList();
    }

    /** The named read models, or every one for none. */
    public List<Definition> named(List<String> names) {
        if (names == null || names.isEmpty()) {
            return all();
        }
        return names.stream().distinct().map(name -> {
            Definition model = byName.get(name);
            if (model == null) {
                throw new IllegalArgumentException("No read model named '" + name + "'; there are "
                        + String.join(", ", byName.keySet()));
            }
            return model;
        }).toList();
    }

    public Set<String> names() {
        return new java.util.TreeSet<>(byName.keySet());
    }
}
