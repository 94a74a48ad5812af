package org.perfdoc.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.perfdoc.Examples;
import org.perfdoc.Perfdoc;
import org.perfdoc.style.Style;

/** The published JSON Schema accepts the examples and names exactly the fields the reader knows. */
class SchemaTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode schema() throws IOException {
        return JSON.readTree(Perfdoc.schema());
    }

    @Test
    void examplesValidateAgainstTheSchema() throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema());
        for (Path example : List.of(Examples.COURT, Examples.JUSTICE)) {
            Set<ValidationMessage> errors = schema.validate(JSON.readTree(Files.readAllBytes(example)));
            assertEquals(Set.of(), errors, example.toString());
        }
    }

    @Test
    void schemaRefusesWhatTheReaderRefuses() throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema());
        JsonNode bad = JSON.readTree("{\"style\":\"guangzhou\",\"year\":2024,\"department\":\"x\",\"units\":[],\"extra\":1}");
        assertFalse(schema.validate(bad).isEmpty());
    }

    @Test
    void schemaPropertiesAreTheReadersFields() throws IOException {
        JsonNode s = schema();
        assertEquals(JsonDocumentReader.DOCUMENT_FIELDS, names(s.get("properties")));
        JsonNode defs = s.get("$defs");
        assertEquals(JsonDocumentReader.UNIT_FIELDS, names(defs.get("unit").get("properties")));
        assertEquals(JsonDocumentReader.PROJECT_FIELDS, names(defs.get("project").get("properties")));
        assertEquals(JsonDocumentReader.AMOUNT_FIELDS, names(defs.get("amounts").get("properties")));
        assertEquals(JsonDocumentReader.BUDGET_FIELDS, names(defs.get("budget").get("properties")));
        assertEquals(JsonDocumentReader.INDICATOR_FIELDS, names(defs.get("indicator").get("properties")));
    }

    @Test
    void indicatorFormatNamesComeFromTheStylesAndTheSchemaSaysWhich() throws IOException {
        String description = schema().get("properties").get("indicatorFormat").get("description").asText();
        assertTrue(description.contains("indicatorFormats"), description);
        for (Style style : Examples.PERFDOC.styles()) {
            for (String format : style.indicatorFormats().keySet()) {
                assertTrue(description.contains(format), format + " missing from: " + description);
            }
        }
    }

    static List<String> names(JsonNode properties) {
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
