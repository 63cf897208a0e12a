package org.xenplane.core.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import org.xenplane.core.error.TextChecks;

/**
 * JSON is read as written, never coerced: a string field takes only a JSON string ({@code true} and
 * {@code 1} are refused, not turned into {@code "true"} and {@code "1"}), a number or boolean field
 * takes only a JSON number or boolean ({@code 0} is not {@code false}, {@code "5"} is not 5, 1.5 is not
 * 1), an enum takes only its name, and nothing may follow the JSON document. Strings with a NUL or a
 * lone UTF-16 surrogate are refused ({@link TextChecks}). A refusal is a 400 naming the field
 * ({@code ProblemMappers}).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        SimpleModule strings = new SimpleModule("xenplane-strict-strings");
        strings.addDeserializer(String.class, new StrictStringDeserializer());
        strings.addKeyDeserializer(String.class, new StrictKeyDeserializer());
        mapper.registerModule(strings);
    }

    /** A String from a JSON string only, and only one that {@link TextChecks} accepts. */
    static final class StrictStringDeserializer extends StdScalarDeserializer<String> {
        StrictStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            String problem = TextChecks.bodyProblem(text);
            if (problem != null) {
                throw JsonMappingException.from(p, problem, new IllegalArgumentException(problem));
            }
            return text;
        }
    }

    /** The keys of a map (such as otherConfig) are held to the same rule as its values. */
    static final class StrictKeyDeserializer extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            String problem = TextChecks.bodyProblem(key);
            if (problem != null) {
                throw JsonMappingException.from(ctxt, "a key " + problem, new IllegalArgumentException("a key " + problem));
            }
            return key;
        }
    }
}
