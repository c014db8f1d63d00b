package io.openclaw.hq.platform.secrets;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Replaces every known secret in a log record, its parameters and its exception messages with the
 * masked form, so even a mistaken {@code LOG.info(token)} leaks nothing. Installed on the console
 * and file handlers of every service by the platform's default configuration.
 */
@LoggingFilter(name = "openclaw-redaction")
public final class SecretRedactionLogFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        String formatted = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        String redacted = Redactor.redact(formatted);
        if (record instanceof ExtLogRecord ext) {
            ext.setMessage(redacted, ExtLogRecord.FormatStyle.NO_FORMAT);
        } else {
            record.setMessage(redacted);
        }
        record.setParameters(null);
        if (record.getThrown() != null) {
            record.setThrown(RedactedThrowable.of(record.getThrown()));
        }
        return true;
    }
}
