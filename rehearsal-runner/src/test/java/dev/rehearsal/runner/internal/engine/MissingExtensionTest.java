package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The two ways PostgreSQL says it lacks an extension: from 16 on "is not available" (0A000), before that "could not
 * open extension control file" (58P01). Other failures are the migration's.
 */
class MissingExtensionTest {

    @Test
    void should_name_the_extension_from_either_message_and_nothing_else() {
        assertThat(MissingExtension.named("0A000", "ERROR: extension \"vector\" is not available (hint: The "
                + "extension must first be installed on the system where PostgreSQL is running.)")).contains("vector");
        assertThat(MissingExtension.named("58P01", "ERROR: could not open extension control file "
                + "\"/usr/share/postgresql/15/extension/postgis.control\": No such file or directory"))
                .contains("postgis");
        assertThat(MissingExtension.named("0A000", "ERROR: cannot alter type of a column used by a view")).isEmpty();
        assertThat(MissingExtension.named("42601", "ERROR: extension \"vector\" is not available")).isEmpty();
        assertThat(MissingExtension.named(null, null)).isEmpty();
    }
}
