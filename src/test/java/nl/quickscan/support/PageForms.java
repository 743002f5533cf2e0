package nl.quickscan.support;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a browser sends for a form of a page: its fields as the page shows them, before a button is added. */
public final class PageForms {

    private PageForms() {
    }

    /** Hidden and text inputs, checked radios and textareas of the first form matching the selector (not in a template). */
    public static Map<String, String> fields(Document page, String formSelector) {
        Element form = page.selectFirst(formSelector);
        if (form == null) {
            throw new AssertionError("no form " + formSelector + " on the page");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            if (input.parents().is("template")) {
                continue; // a template's content is no part of the form
            }
            String type = input.attr("type");
            if (!type.equals("radio") && !type.equals("checkbox") || input.hasAttr("checked")) {
                fields.put(input.attr("name"), input.val());
            }
        }
        form.select("textarea[name]").forEach(textarea -> fields.put(textarea.attr("name"), textarea.val()));
        return fields;
    }
}
