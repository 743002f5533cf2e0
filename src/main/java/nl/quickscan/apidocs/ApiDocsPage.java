package nl.quickscan.apidocs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.micronaut.core.annotation.Nullable;
import nl.quickscan.text.Slug;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The readable page of the API, made from the OpenAPI description: its introduction (a paragraph per line), per tag its operations with method, path,
 * access, parameters, request and responses with their examples; then the schemas field by field and the
 * responses that many operations share. Types read in Dutch ("lijst van Scan", "tekst of null").
 */
record ApiDocsPage(String title, String version, String summary, List<String> description, List<Section> sections,
                   List<SchemaView> schemas, List<SharedResponse> sharedResponses) {

    private static final String SCHEMAS = "#/components/schemas/";
    private static final String RESPONSES = "#/components/responses/";
    private static final String PARAMETERS = "#/components/parameters/";
    private static final List<String> METHODS = List.of("get", "post", "put", "delete");

    /** A tag with its operations. */
    record Section(String name, String anchor, @Nullable String description, List<Operation> operations) {
    }

    record Operation(String anchor, String method, String path, String summary, @Nullable String description,
                     boolean publicAccess, List<Parameter> parameters, @Nullable Body requestBody, List<Reply> responses) {
    }

    record Parameter(String name, String in, boolean required, List<Part> type, @Nullable String description,
                     @Nullable String example) {
    }

    record Body(String contentType, boolean required, List<Part> type, List<Example> examples) {
    }

    /** {@code sharedAnchor}: the response is one of the shared ones, described (with its example) further down. */
    record Reply(String status, String description, @Nullable String contentType, List<Part> type,
                 List<Example> examples, @Nullable String sharedAnchor) {
    }

    record Example(@Nullable String summary, String text) {
    }

    /** A piece of a type as it reads: a word, or the name of a schema with the anchor it links to. */
    record Part(String text, @Nullable String anchor) {
    }

    record SchemaView(String name, String anchor, @Nullable String description, List<Part> type, List<Field> fields) {
    }

    record Field(String name, List<Part> type, boolean required, @Nullable String description) {
    }

    record SharedResponse(String name, String anchor, String description, @Nullable String contentType,
                          List<Part> type, List<Example> examples) {
    }

    static ApiDocsPage of(Map<String, Object> openApi) {
        Map<String, Object> info = map(openApi.get("info"));
        Map<String, Object> components = map(openApi.get("components"));
        List<Section> sections = new ArrayList<>();
        for (Object tagValue : list(openApi.get("tags"))) {
            Map<String, Object> tag = map(tagValue);
            String name = text(tag.get("name"));
            List<Operation> operations = new ArrayList<>();
            map(openApi.get("paths")).forEach((path, pathValue) -> METHODS.forEach(method -> {
                Map<String, Object> operation = map(map(pathValue).get(method));
                if (list(operation.get("tags")).contains(name)) {
                    operations.add(operation(path, method, operation, components));
                }
            }));
            sections.add(new Section(name, "tag-" + Slug.of(name), optionalText(tag.get("description")), operations));
        }
        List<SchemaView> schemas = map(components.get("schemas")).entrySet().stream().map(entry -> {
            Map<String, Object> schema = map(entry.getValue());
            List<Field> fields = new ArrayList<>();
            fields("", schema, components, fields);
            return new SchemaView(entry.getKey(), schemaAnchor(entry.getKey()), optionalText(schema.get("description")),
                    fields.isEmpty() ? type(schema) : List.of(), fields);
        }).toList();
        List<SharedResponse> shared = map(components.get("responses")).entrySet().stream().map(entry -> {
            Map<String, Object> response = map(entry.getValue());
            Map.Entry<String, Map<String, Object>> content = firstContent(response);
            return new SharedResponse(entry.getKey(), responseAnchor(entry.getKey()), text(response.get("description")),
                    content == null ? null : content.getKey(), content == null ? List.of() : type(map(content.getValue().get("schema"))),
                    content == null ? List.of() : examples(content.getKey(), content.getValue()));
        }).toList();
        return new ApiDocsPage("API-beschrijving", text(info.get("version")), text(info.get("summary")),
                List.of(text(info.get("description")).strip().split("\n+")), sections, schemas, shared);
    }

    private static Operation operation(String path, String method, Map<String, Object> operation, Map<String, Object> components) {
        List<Parameter> parameters = list(operation.get("parameters")).stream().map(value -> {
            Map<String, Object> parameter = resolve(map(value), PARAMETERS, components, "parameters");
            Object example = parameter.get("example");
            return new Parameter(text(parameter.get("name")), "path".equals(parameter.get("in")) ? "in het pad" : "in de query",
                    Boolean.TRUE.equals(parameter.get("required")), type(map(parameter.get("schema"))),
                    optionalText(parameter.get("description")), example == null ? null : String.valueOf(example));
        }).toList();
        Body body = null;
        Map<String, Object> requestBody = map(operation.get("requestBody"));
        Map.Entry<String, Map<String, Object>> requestContent = firstContent(requestBody);
        if (requestContent != null) {
            body = new Body(String.join(", ", map(requestBody.get("content")).keySet()), Boolean.TRUE.equals(requestBody.get("required")),
                    type(map(requestContent.getValue().get("schema"))), examples(requestContent.getKey(), requestContent.getValue()));
        }
        List<Reply> replies = new ArrayList<>();
        map(operation.get("responses")).forEach((status, value) -> {
            Map<String, Object> response = map(value);
            String shared = response.containsKey("$ref") ? refName(response, RESPONSES) : null;
            Map<String, Object> resolved = resolve(response, RESPONSES, components, "responses");
            Map.Entry<String, Map<String, Object>> content = firstContent(resolved);
            replies.add(new Reply(status, text(resolved.get("description")), content == null ? null : content.getKey(),
                    content == null ? List.of() : type(map(content.getValue().get("schema"))),
                    content == null || shared != null ? List.of() : examples(content.getKey(), content.getValue()),
                    shared == null ? null : responseAnchor(shared)));
        });
        return new Operation("operatie-" + Slug.of(text(operation.get("operationId"))), method.toUpperCase(Locale.ROOT), path,
                text(operation.get("summary")), optionalText(operation.get("description")),
                operation.containsKey("security") && list(operation.get("security")).isEmpty(), parameters, body, replies);
    }

    /** The fields of an object schema, with those of inline objects and of inline list items under a dotted name. */
    private static void fields(String prefix, Map<String, Object> schema, Map<String, Object> components, List<Field> out) {
        for (Object part : list(schema.get("allOf"))) {
            fields(prefix, resolve(map(part), SCHEMAS, components, "schemas"), components, out);
        }
        Set<String> required = list(schema.get("required")).stream().map(String::valueOf).collect(Collectors.toSet());
        map(schema.get("properties")).forEach((name, value) -> {
            Map<String, Object> property = map(value);
            out.add(new Field(prefix + name, type(property), required.contains(name), optionalText(property.get("description"))));
            if (property.containsKey("properties")) {
                fields(prefix + name + ".", property, components, out);
            }
            Map<String, Object> items = map(property.get("items"));
            if (items.containsKey("properties")) {
                fields(prefix + name + "[].", items, components, out);
            }
        });
    }

    /** A schema as it reads in Dutch, with a link for every named schema in it. */
    static List<Part> type(Map<String, Object> schema) {
        List<Part> parts = new ArrayList<>();
        if (schema.containsKey("$ref")) {
            String name = refName(schema, SCHEMAS);
            parts.add(new Part(name, schemaAnchor(name)));
            return parts;
        }
        List<Object> alternatives = !list(schema.get("oneOf")).isEmpty() ? list(schema.get("oneOf")) : list(schema.get("anyOf"));
        if (!alternatives.isEmpty()) {
            joined(parts, alternatives.stream().map(alternative -> type(map(alternative))).toList(), " of ");
            return parts;
        }
        if (!list(schema.get("allOf")).isEmpty()) {
            parts.add(new Part("object met de velden van ", null));
            joined(parts, list(schema.get("allOf")).stream().map(part -> type(map(part))).toList(), " en ");
            return parts;
        }
        if (schema.containsKey("const")) {
            parts.add(new Part("altijd " + json(schema.get("const")), null));
            return parts;
        }
        List<String> types = schema.get("type") instanceof List<?> many ? many.stream().map(String::valueOf).toList()
                : schema.containsKey("type") ? List.of(String.valueOf(schema.get("type"))) : List.of();
        if (types.isEmpty()) {
            parts.add(new Part("JSON", null));
        }
        for (String type : types) {
            if (!parts.isEmpty()) {
                parts.add(new Part(" of ", null));
            }
            switch (type) {
                case "array" -> {
                    parts.add(new Part("lijst van ", null));
                    parts.addAll(type(map(schema.get("items"))));
                }
                case "object" -> {
                    Map<String, Object> values = map(schema.get("additionalProperties"));
                    if (values.isEmpty()) {
                        parts.add(new Part("object", null));
                    } else {
                        parts.add(new Part("object met per sleutel ", null));
                        parts.addAll(type(values));
                    }
                }
                default -> parts.add(new Part(scalar(type, schema.get("format")), null));
            }
        }
        if (schema.containsKey("enum")) {
            parts.add(new Part(": " + list(schema.get("enum")).stream().map(value -> value == null ? "null" : String.valueOf(value))
                    .collect(Collectors.joining(", ")), null));
        }
        return parts;
    }

    private static String scalar(String type, @Nullable Object format) {
        return switch (type) {
            case "string" -> "date".equals(format) ? "datum (JJJJ-MM-DD)" : "date-time".equals(format) ? "moment (ISO 8601)"
                    : "binary".equals(format) ? "bestand" : "tekst";
            case "integer" -> "geheel getal";
            case "number" -> "getal";
            case "boolean" -> "true of false";
            default -> type;
        };
    }

    private static void joined(List<Part> parts, List<List<Part>> pieces, String separator) {
        for (int i = 0; i < pieces.size(); i++) {
            if (i > 0) {
                parts.add(new Part(separator, null));
            }
            parts.addAll(pieces.get(i));
        }
    }

    private static List<Example> examples(String contentType, Map<String, Object> content) {
        List<Example> examples = new ArrayList<>();
        if (content.containsKey("example")) {
            examples.add(new Example(null, shown(contentType, content.get("example"))));
        }
        map(content.get("examples")).forEach((name, value) -> examples.add(new Example(
                optionalText(map(value).get("summary")), shown(contentType, map(value).get("value")))));
        return examples;
    }

    /** JSON examples as indented JSON; any other example (YAML text) as written. */
    private static String shown(String contentType, Object example) {
        return contentType.endsWith("json") ? json(example) : String.valueOf(example);
    }

    static String json(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = new JsonFactory().createGenerator(out)) {
            generator.useDefaultPrettyPrinter();
            write(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator generator, @Nullable Object value) throws IOException {
        if (value instanceof Map<?, ?> object) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : object.entrySet()) {
                generator.writeFieldName(String.valueOf(entry.getKey()));
                write(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof Collection<?> array) {
            generator.writeStartArray();
            for (Object item : array) {
                write(generator, item);
            }
            generator.writeEndArray();
        } else if (value instanceof Integer || value instanceof Long) {
            generator.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            generator.writeNumber(big);
        } else if (value instanceof Number number) {
            generator.writeNumber(new BigDecimal(number.toString()));
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value == null) {
            generator.writeNull();
        } else {
            generator.writeString(String.valueOf(value));
        }
    }

    @Nullable
    private static Map.Entry<String, Map<String, Object>> firstContent(Map<String, Object> holder) {
        return map(holder.get("content")).entrySet().stream().findFirst()
                .map(entry -> Map.entry(entry.getKey(), map(entry.getValue()))).orElse(null);
    }

    private static Map<String, Object> resolve(Map<String, Object> value, String prefix, Map<String, Object> components, String kind) {
        return value.containsKey("$ref") ? map(map(components.get(kind)).get(refName(value, prefix))) : value;
    }

    private static String refName(Map<String, Object> value, String prefix) {
        String ref = String.valueOf(value.get("$ref"));
        if (!ref.startsWith(prefix)) {
            throw new IllegalStateException("A reference to " + prefix + " was expected: " + ref);
        }
        return ref.substring(prefix.length());
    }

    static String schemaAnchor(String name) {
        return "schema-" + Slug.of(name);
    }

    private static String responseAnchor(String name) {
        return "antwoord-" + Slug.of(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(@Nullable Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(@Nullable Object value) {
        return value instanceof List<?> ? (List<Object>) value : List.of();
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    @Nullable
    private static String optionalText(@Nullable Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
