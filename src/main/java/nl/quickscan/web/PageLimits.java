package nl.quickscan.web;

import java.util.Map;

/**
 * Limits a feature checks and its pages show, such as the maxlength of a field. Each is defined once, as a
 * constant of the feature that checks it; a bean of this type hands them to every template, where
 * {@code {{limit "commentMax"}}} reads one.
 */
public interface PageLimits {

    /** Name → limit; names are unique over all features. */
    Map<String, Integer> limits();
}
