/** REST resources, RFC 9457 problem mapping and JSON configuration: thin edges around the engine and the catalog. */
package org.provisiontimeline.api;
