package org.provisiontimeline.provision;

/**
 * A provision row without its document: enough to tell whether a data file or a catalog entry is current and to make
 * the entry, so a start reads no document before it answers (the catalog binds them afterwards).
 *
 * @param fileHash  SHA-256 of the data file last loaded into the row ({@code null} if it never came from a file)
 * @param updatedAt when the row's newest version was recorded
 */
public record ProvisionHead(String id, int versionNo, String contentHash, String fileHash, java.time.Instant updatedAt) {
}
