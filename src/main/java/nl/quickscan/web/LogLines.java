package nl.quickscan.web;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.LayoutBase;

import java.util.Locale;

/**
 * The layout of the log (logback.xml): {@link JsonLines}, or with {@code QUICKSCAN_LOG_FORMAT=text} plain lines. One
 * appender that picks its layout, rather than an appender per format: logback warns about an appender nobody uses,
 * and a warning makes it print its whole start-up status to the output, lines that are not JSON.
 */
public final class LogLines extends LayoutBase<ILoggingEvent> {

    /** The plain line; {@code maskedMsg} and {@code maskedEx} mask tokens as {@link JsonLines} does. */
    static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{36} - %maskedMsg %kvp%n%maskedEx";

    private String format = "json";
    private Layout<ILoggingEvent> lines;

    /** {@code json} or {@code text}. */
    public void setFormat(String format) {
        this.format = format;
    }

    @Override
    public void start() {
        String chosen = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
        if (chosen.equals("text")) {
            PatternLayout text = new PatternLayout();
            text.setContext(getContext());
            text.setPattern(TEXT_PATTERN);
            lines = text;
        } else {
            if (!chosen.equals("json")) {
                addError("QUICKSCAN_LOG_FORMAT is json or text, not '" + format + "': writing JSON lines");
            }
            JsonLines json = new JsonLines();
            json.setContext(getContext());
            lines = json;
        }
        lines.start();
        super.start();
    }

    @Override
    public void stop() {
        lines.stop();
        super.stop();
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        return lines.doLayout(event);
    }
}
