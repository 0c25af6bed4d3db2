/**
 * The published OpenAPI contract: a build-time filter that makes {@code /q/openapi} describe the wire (schemas,
 * nullability, typed parameters, problems, security, headers, operation ids) so that generated clients work.
 */
package org.provisiontimeline.api.contract;
