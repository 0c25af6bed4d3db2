/** Storage of provision versions (Panache entities) and the in-memory catalog the answers come from. */
package org.provisiontimeline.provision;
