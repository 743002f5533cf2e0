package nl.quickscan.text;

import nl.quickscan.time.Clocks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How numbers, scores, differences, dates and periods read for users: the one formatting of pages, PDFs and
 * workbooks alike. Dutch: a decimal comma, a thousands point and a real minus sign (U+2212), which neither
 * breaks from its number at a line end nor reads as a dash. Rounding is half up, as people round by hand.
 * Plain Java.
 */
public final class DutchFormat {

    public static final Locale DUTCH = new Locale("nl", "NL");
    /** What a missing score reads as. */
    public static final String NO_SCORE = "geen score";
    /** What a missing difference or level reads as in a table cell. */
    public static final String NONE = "–";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", DUTCH)
            .withZone(Clocks.ZONE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", DUTCH).withZone(Clocks.ZONE);
    private static final DecimalFormatSymbols SYMBOLS = symbols();

    private DutchFormat() {
    }

    /** 1234.5 → "1.234,5", 75.0 → "75", −2.25 → "−2,3": at most one decimal. Null → "". */
    public static String number(Number value) {
        return value == null ? "" : format(rounded(value, 1));
    }

    /**
     * A number exactly as stored, every decimal kept: 1234.5 → "1.234,5", 0.125 → "0,125", 230000 → "230.000".
     * For what users typed (kengetallen), which must read back as they wrote it. Null → "".
     */
    public static String exact(BigDecimal value) {
        if (value == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("#,##0", SYMBOLS);
        format.setMaximumFractionDigits(Math.max(0, value.stripTrailingZeros().scale()));
        return format.format(value);
    }

    /** A score in percent, whole: 74.5 → "75%". Null → "geen score". */
    public static String percent(Number value) {
        return value == null ? NO_SCORE : format(rounded(value, 0)) + "%";
    }

    /** A difference in percentage points, signed: "+5", "−2,5", "0". Null → "–". */
    public static String points(Number difference) {
        if (difference == null) {
            return NONE;
        }
        BigDecimal rounded = rounded(difference, 1);
        return (rounded.signum() > 0 ? "+" : "") + format(rounded);
    }

    /** "1 december 2026". Null → "". */
    /** A number with its noun: "1 actie", "3 acties". */
    public static String count(long n, String one, String more) {
        return n + " " + (n == 1 ? one : more);
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** "1 december 2026, 14:05", in Dutch time. Null → "". */
    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** "14:05", the time of day in Dutch time. Null → "". */
    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** A period as a sentence says it: "7 dagen", "1 dag", "1 uur", "30 minuten". */
    public static String duration(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes > 0 && minutes % Duration.ofDays(1).toMinutes() == 0) {
            long days = duration.toDays();
            return days == 1 ? "1 dag" : number(days) + " dagen";
        }
        if (minutes > 0 && minutes % 60 == 0) {
            return number(duration.toHours()) + " uur";
        }
        return minutes == 1 ? "1 minuut" : number(minutes) + " minuten";
    }

    /** Rounded half up; a value that rounds to zero is plain zero, never "−0". */
    private static BigDecimal rounded(Number value, int decimals) {
        BigDecimal exact = value instanceof BigDecimal decimal ? decimal : BigDecimal.valueOf(value.doubleValue());
        BigDecimal rounded = exact.setScale(decimals, RoundingMode.HALF_UP);
        return rounded.signum() == 0 ? BigDecimal.ZERO : rounded;
    }

    private static String format(BigDecimal rounded) {
        // DecimalFormat is not thread-safe; one per call is cheap next to the page or report around it.
        return new DecimalFormat("#,##0.#", SYMBOLS).format(rounded);
    }

    private static DecimalFormatSymbols symbols() {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(DUTCH);
        symbols.setMinusSign('\u2212');
        return symbols;
    }
}
