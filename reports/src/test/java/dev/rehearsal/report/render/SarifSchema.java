package dev.rehearsal.report.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import java.util.Set;

/**
 * The official SARIF 2.1.0 schema (draft-04) from the class path. Its {@code id} is mapped to the class path and
 * every other location is refused, so validation never touches the network. Formats ({@code uri},
 * {@code date-time}) are asserted too.
 */
final class SarifSchema {

    private static final String OASIS = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/";

    private SarifSchema() {
    }

    static Set<ValidationMessage> validate(JsonNode sarif) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, builder -> builder
                .schemaMappers(mappers -> mappers.mapPrefix(OASIS, "classpath:sarif/"))
                .schemaLoaders(loaders -> loaders.add(new AllowSchemaLoader(
                        iri -> iri.toString().startsWith("classpath:")))));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchema schema = factory.getSchema(SchemaLocation.of(OASIS + "sarif-schema-2.1.0.json"), config);
        return schema.validate(sarif);
    }
}
