package org.provisiontimeline.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.provisiontimeline.importer.PartialDateModule;

/** Teaches the application's ObjectMapper partial dates; everything else (ISO dates, strictness) is configured. */
@Singleton
class JsonConfig implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new PartialDateModule());
    }
}
