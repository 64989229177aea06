package dev.rehearsal.cli;

import dev.rehearsal.runner.config.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** Reads durations as every front door does ({@link Durations}): {@code 500ms}, {@code 2s}, {@code 5min}, {@code 1h}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    static Duration parse(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
