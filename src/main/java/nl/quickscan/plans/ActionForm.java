package nl.quickscan.plans;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.web.FormValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The action form's fields as typed, to fill the form again after a refused save so that nothing typed is lost.
 * The statements are checkboxes named {@code vraag.<key>}; {@code version} is the version the form was based on.
 */
record ActionForm(String title, String description, String owner, String partners, String due, String status,
                  boolean shared, String sourceScanId, String version, Set<String> questionKeys) {

    static final String STATEMENT_PREFIX = "vraag.";

    static ActionForm of(PlanAction action) {
        return new ActionForm(action.title(), text(action.description()), text(action.owner()), text(action.partners()),
                action.due() == null ? "" : action.due().toString(), action.status().name(), action.shared(),
                String.valueOf(action.sourceScanId()), String.valueOf(action.version()), Set.copyOf(action.questionKeys()));
    }

    /** A new action from a statement of a scan: its text as title, its recommendation as description. */
    static ActionForm suggested(long sourceScanId, @Nullable String title, @Nullable String description,
                                Set<String> questionKeys) {
        String shortTitle = title == null ? "" : title.length() > ActionRules.TITLE_MAX
                ? title.substring(0, ActionRules.TITLE_MAX - 1) + "…" : title;
        return new ActionForm(shortTitle, text(description), "", "", "", ActionStatus.GEPLAND.name(), false,
                String.valueOf(sourceScanId), "", questionKeys);
    }

    static ActionForm read(Map<String, String> fields) {
        List<String> keys = new ArrayList<>();
        fields.keySet().stream().filter(name -> name.startsWith(STATEMENT_PREFIX)).sorted()
                .forEach(name -> keys.add(name.substring(STATEMENT_PREFIX.length())));
        return new ActionForm(field(fields, "title"), field(fields, "description"), field(fields, "owner"),
                field(fields, "partners"), field(fields, "due"), field(fields, "status"), fields.containsKey("shared"),
                field(fields, "sourceScanId"), field(fields, "version"), Set.copyOf(keys));
    }

    /**
     * What the form asks to store. {@code order}: the statements in the survey's order, so that the first checked
     * one decides the action's bouwsteen as the form shows them.
     */
    ActionRules.Draft draft(List<String> order) {
        List<String> keys = new ArrayList<>(order.stream().filter(questionKeys::contains).toList());
        questionKeys.stream().filter(key -> !order.contains(key)).sorted().forEach(keys::add);
        return new ActionRules.Draft(title, description, keys, FormValues.id(sourceScanId).orElse(null), owner,
                partners, due, status, shared);
    }

    /** The copy of this form based on another version: after a conflict, saving again keeps the user's text. */
    ActionForm basedOn(int newVersion) {
        return new ActionForm(title, description, owner, partners, due, status, shared, sourceScanId,
                String.valueOf(newVersion), questionKeys);
    }

    private static String field(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value == null ? "" : value;
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
