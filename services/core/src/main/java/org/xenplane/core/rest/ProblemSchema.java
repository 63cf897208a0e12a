package org.xenplane.core.rest;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.Problem;

/**
 * The body of every error response as an OpenAPI schema component, {@code #/components/schemas/Problem},
 * read from the {@link Problem} record itself (RFC 7807 plus the stable {@code code}, one of
 * {@link ErrorCode}, and its {@code parameters}), so the document cannot drift from what is sent.
 */
final class ProblemSchema {
    static final String NAME = "Problem";
    private static final String REF = "#/components/schemas/" + NAME;

    private ProblemSchema() {
    }

    static Schema schema() {
        Schema schema = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("An RFC 7807 problem (`" + Problem.MEDIA_TYPE + "`): programs match on `code`;"
                        + " `title` and `detail` are for people, `parameters` name what the detail speaks of.");
        for (RecordComponent component : Problem.class.getRecordComponents()) {
            schema.addProperty(component.getName(), property(component));
        }
        return schema.addRequired("type").addRequired("title").addRequired("status").addRequired("code");
    }

    /** A problem+json body referencing the schema component. */
    static Content content() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF)));
    }

    private static Schema property(RecordComponent component) {
        Class<?> type = component.getType();
        Schema property = OASFactory.createSchema();
        if (type == int.class || type == Integer.class) {
            return property.addType(SchemaType.INTEGER);
        }
        if (Map.class.isAssignableFrom(type)) {
            return property.addType(SchemaType.OBJECT)
                    .additionalPropertiesSchema(OASFactory.createSchema().addType(SchemaType.STRING));
        }
        property.addType(SchemaType.STRING);
        if (component.getName().equals("code")) {
            Arrays.stream(ErrorCode.values()).forEach(code -> property.addEnumeration(code.name()));
        }
        return property;
    }
}
