package org.provisiontimeline.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} lists validation problems, each located by a JSON pointer, a query
 * parameter or a CSV line.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<ProblemError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One located problem: exactly one of {@code pointer}, {@code parameter} or {@code line} is set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProblemError(String pointer, String parameter, Long line, String detail) {

        public static ProblemError atPointer(String pointer, String detail) {
            return new ProblemError(pointer, null, null, detail);
        }

        public static ProblemError atParameter(String parameter, String detail) {
            return new ProblemError(null, parameter, null, detail);
        }

        public static ProblemError atLine(long line, String detail) {
            return new ProblemError(null, null, line, detail);
        }
    }
}
