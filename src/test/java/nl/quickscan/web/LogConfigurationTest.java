package nl.quickscan.web;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.event.KeyValuePair;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app's logback.xml, configured as at start-up in each format: no warning (a warning makes logback print its
 * whole status to the output, lines that are not JSON), and the console's lines in the chosen format, tokens masked.
 */
class LogConfigurationTest {

    private static final String TOKEN = "Zm9vYmFyYmF6cXV4LXNlY3JldC10b2tlbi0xMjM0NTY3";

    @ParameterizedTest
    @ValueSource(strings = {"json", "text", "JSON ", "xml"})
    void theLogIsConfiguredWithoutAWarningAndWritesItsFormat(String format) throws Exception {
        LoggerContext context = new LoggerContext();
        context.putProperty("QUICKSCAN_LOG_FORMAT", format);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogConfigurationTest.class.getResource("/logback.xml"));
        List<Status> statuses = context.getStatusManager().getCopyOfStatusList();
        int highest = new StatusUtil(context).getHighestLevel(0);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>)
                ((AsyncAppender) root.getAppender("ASYNC")).getAppender("console");
        var layout = ((LayoutWrappingEncoder<ILoggingEvent>) console.getEncoder()).getLayout();
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), context.getLogger("nl.quickscan.proef"), Level.INFO,
                "Link /uitnodiging/" + TOKEN + " verstuurd", null, null);
        event.addKeyValuePair(new KeyValuePair("status", 200));
        String line = layout.doLayout(event);
        context.stop();

        assertTrue(!line.contains(TOKEN) && line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, line);
        if (format.equals("xml")) {
            assertEquals(Status.ERROR, highest, () -> "an unknown format is an error in the status: " + statuses);
        } else {
            assertTrue(highest < Status.WARN, () -> "no warning: " + statuses);
        }
        if (format.equals("text")) {
            assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  nl\\.quickscan\\.proef - Link /uitnodiging/\\[token] "
                    + "verstuurd status=\"?200\"?\\s*"), line);
        } else {
            @SuppressWarnings("unchecked")
            Map<String, Object> json = JsonMapper.createDefault().readValue(line, Map.class);
            assertEquals("Link /uitnodiging/[token] verstuurd", json.get("message"));
            assertEquals(200, json.get("status"));
        }
    }
}
