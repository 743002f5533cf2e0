package nl.quickscan.audit;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.errors.InvalidInput;
import nl.quickscan.time.Clocks;
import nl.quickscan.web.Paging;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;

/**
 * Which entries of the audit log to show: one group, and optionally one kind of event, a person (part of the
 * e-mail address), a gemeente and a period of whole days (both ends included).
 */
public record AuditFilter(AuditAction.Group group, @Nullable AuditAction action, @Nullable String person,
                          @Nullable Long gemeenteId, @Nullable LocalDate from, @Nullable LocalDate to) {

    public static final int PERSON_MAX = 254;
    public static final int PAGE_SIZE = Paging.PAGE_SIZE;
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT));

    /** The query parameters as sent, each null when absent; the names the page's form uses. */
    public record Parameters(@Nullable String groep, @Nullable String soort, @Nullable String wie,
                             @Nullable String gemeente, @Nullable String van, @Nullable String tot,
                             @Nullable String pagina) {
    }

    /** A filter and a page number, or the problems with the parameters (then the filter is the default). */
    public record Request(AuditFilter filter, int page) {
    }

    public static AuditFilter everything() {
        return new AuditFilter(AuditAction.Group.ORGANISATIE, null, null, null, null, null);
    }

    /** Reads the parameters; a problem goes into {@code problems} by the parameter's name, in Dutch. */
    public static Request parse(Parameters parameters, InvalidInput problems) {
        AuditAction action = null;
        if (present(parameters.soort())) {
            action = AuditAction.ofName(parameters.soort()).orElse(null);
            if (action == null) {
                problems.add("soort", "Kies een soort wijziging uit de lijst.");
            }
        }
        AuditAction.Group group = AuditAction.Group.ORGANISATIE;
        if (present(parameters.groep())) {
            Optional<AuditAction.Group> chosen = AuditAction.Group.ofCode(parameters.groep());
            if (chosen.isEmpty()) {
                problems.add("groep", "Kies ‘" + AuditAction.Group.ORGANISATIE.label() + "’ of ‘"
                        + AuditAction.Group.ANTWOORDEN.label() + "’.");
            } else {
                group = chosen.get();
            }
        }
        if (action != null && action.group() != group) {
            problems.add("soort", "‘" + action.label() + "’ staat onder ‘" + action.group().label() + "’.");
        }
        String person = present(parameters.wie()) ? parameters.wie().strip() : null;
        if (person != null && person.length() > PERSON_MAX) {
            problems.add("wie", "Het e-mailadres mag hoogstens " + PERSON_MAX + " tekens lang zijn.");
        }
        Long gemeenteId = null;
        if (present(parameters.gemeente())) {
            gemeenteId = positive(parameters.gemeente());
            if (gemeenteId == null) {
                problems.add("gemeente", "Kies een gemeente uit de lijst.");
            }
        }
        LocalDate from = date(parameters.van(), "van", "Vul de begindatum in als dag-maand-jaar, bijvoorbeeld 01-12-2026.", problems);
        LocalDate to = date(parameters.tot(), "tot", "Vul de einddatum in als dag-maand-jaar, bijvoorbeeld 31-12-2026.", problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add("tot", "De einddatum ligt voor de begindatum.");
        }
        int page = Paging.pageNumber(parameters.pagina(), problems);
        if (!problems.isEmpty()) {
            return new Request(everything(), 1);
        }
        return new Request(new AuditFilter(group, action, person, gemeenteId, from, to), page);
    }

    /** The kinds of event the filter asks for: the one chosen, else all of the group. */
    public List<AuditAction> actions() {
        return action == null ? group.actions() : List.of(action);
    }

    /** The first moment of the period, in Dutch time; null for no start. */
    @Nullable
    public Instant start() {
        return from == null ? null : from.atStartOfDay(Clocks.ZONE).toInstant();
    }

    /** The first moment after the period; null for no end. */
    @Nullable
    public Instant end() {
        return to == null ? null : to.plusDays(1).atStartOfDay(Clocks.ZONE).toInstant();
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    @Nullable
    private static Long positive(String value) {
        String digits = value.strip();
        if (!digits.matches("\\d{1,12}")) {
            return null;
        }
        long number = Long.parseLong(digits);
        return number > 0 ? number : null;
    }

    /** A date as the browser's date field sends it (2026-12-01) or as typed (1-12-2026); empty is no date. */
    @Nullable
    private static LocalDate date(@Nullable String value, String field, String message, InvalidInput problems) {
        if (!present(value)) {
            return null;
        }
        String text = value.strip();
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                LocalDate date = LocalDate.parse(text, format);
                // Beyond these years the database's timestamps end; nobody means such a date.
                if (date.getYear() >= 2000 && date.getYear() <= 2100) {
                    return date;
                }
                break;
            } catch (DateTimeParseException e) {
                // the next format, or the message below
            }
        }
        problems.add(field, message);
        return null;
    }
}
