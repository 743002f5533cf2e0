package nl.quickscan.web;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import org.slf4j.event.KeyValuePair;

import java.time.Instant;

/**
 * The log as JSON lines (logback.xml), one object per event: time, level, logger, message, the event's key-value
 * pairs (the request line's method, route, status, … see {@link RequestLog}) and a stack trace. Message and stack
 * trace are masked as the plain layout masks them ({@link TokenMasking}).
 */
public final class JsonLines extends LayoutBase<ILoggingEvent> {

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(256);
        line.append("{\"time\":\"").append(Instant.ofEpochMilli(event.getTimeStamp())).append('"');
        line.append(",\"level\":\"").append(event.getLevel()).append('"');
        field(line, "logger", event.getLoggerName());
        field(line, "message", TokenMasking.mask(event.getFormattedMessage()));
        if (event.getKeyValuePairs() != null) {
            for (KeyValuePair pair : event.getKeyValuePairs()) {
                if (pair.value instanceof Number || pair.value instanceof Boolean) {
                    line.append(',');
                    string(line, pair.key);
                    line.append(':').append(pair.value);
                } else {
                    field(line, pair.key, TokenMasking.mask(String.valueOf(pair.value)));
                }
            }
        }
        IThrowableProxy throwable = event.getThrowableProxy();
        if (throwable != null) {
            field(line, "exception", TokenMasking.mask(ThrowableProxyUtil.asString(throwable)));
        }
        return line.append("}\n").toString();
    }

    private static void field(StringBuilder line, String name, String value) {
        line.append(',');
        string(line, name);
        line.append(':');
        string(line, value);
    }

    /** A JSON string (RFC 8259): quotes, backslashes and control characters escaped. */
    static void string(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
