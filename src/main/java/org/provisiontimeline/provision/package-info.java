/** Storage of provision versions (JPA entities on H2 or PostgreSQL, chosen at startup) and the in-memory catalog the answers come from. */
package org.provisiontimeline.provision;
