package vn.ocop.traceability.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import vn.ocop.platform.problem.Problem;

/**
 * The GS1 EPCIS 2.0 JSON Schema (draft-07), bundled as {@code epcis/EPCIS-JSON-Schema.json} and never fetched: every
 * reference in it is local. Formats ({@code uri}, {@code date-time}) are asserted, not just annotated.
 */
@Singleton
public final class EpcisSchema {

    static final String RESOURCE = "epcis/EPCIS-JSON-Schema.json";
    static final URI ID = URI.create("https://gs1.github.io/EPCIS/EPCIS-JSON-Schema.json");

    private final JsonSchema schema;

    EpcisSchema() {
        JsonNode node;
        try (InputStream in = EpcisSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            node = EpcisJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .build();
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(ID, node, config);
        schema.initializeValidators();
    }

    /** The first {@code max} violations, by place in the document; empty when the document is valid. */
    public List<Problem.FieldError> violations(JsonNode document, int max) {
        return schema.validate(document).stream()
                .map(message -> new Problem.FieldError(place(message), message.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .distinct()
                .limit(max)
                .toList();
    }

    private static String place(ValidationMessage message) {
        String pointer = message.getInstanceLocation().toString();
        return pointer.isEmpty() ? "/" : pointer;
    }
}
