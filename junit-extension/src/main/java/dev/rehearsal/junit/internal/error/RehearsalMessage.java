package dev.rehearsal.junit.internal.error;

import org.assertj.core.error.BasicErrorMessageFactory;

/**
 * An assertion message written out in full by its factory: expected, then what was measured. AssertJ formats
 * messages with {@code String.format}, so a literal {@code %} is escaped here once for all factories.
 */
abstract class RehearsalMessage extends BasicErrorMessageFactory {

    RehearsalMessage(String message) {
        super("%n" + message.replace("%", "%%"));
    }
}
