/**
 * The domain values (provisions, events, partial dates) and the pure status engine that answers
 * "was the restriction in force on this day?". Imports nothing but {@code java.*}: no framework, no database, no clock.
 */
package org.provisiontimeline.status;
