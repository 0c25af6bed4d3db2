package org.provisiontimeline.importer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.DateTimeException;
import org.provisiontimeline.status.PartialDate;

/** Writes a {@link PartialDate} exactly as it was given and reads one strictly; the engine stays free of Jackson. */
public final class PartialDateModule extends SimpleModule {

    public PartialDateModule() {
        super("partial-date");
        addSerializer(PartialDate.class, new JsonSerializer<>() {
            @Override
            public void serialize(PartialDate value, JsonGenerator gen, SerializerProvider provider)
                    throws IOException {
                gen.writeString(value.text());
            }
        });
        addDeserializer(PartialDate.class, new JsonDeserializer<>() {
            @Override
            public PartialDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    return (PartialDate) ctxt.handleUnexpectedToken(PartialDate.class, p);
                }
                String text = p.getText();
                try {
                    return PartialDate.parse(text);
                } catch (DateTimeException e) {
                    return (PartialDate) ctxt.handleWeirdStringValue(PartialDate.class, text, e.getMessage());
                }
            }
        });
    }
}
