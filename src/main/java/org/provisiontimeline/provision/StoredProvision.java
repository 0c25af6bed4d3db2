package org.provisiontimeline.provision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The newest version of one provision (a row of {@code provision}): its document and where it came from. */
public class StoredProvision {

    private static final String COLUMNS = "id, version_no, content_hash, file_hash, updated_at, document";

    public String id;

    /** Number of the newest version; (provision_id, version_no) is unique, so two writers can't both commit n + 1. */
    public int versionNo;

    public String contentHash;

    /** Hash of the data file last loaded into this provision; {@code null} if it never came from a file. */
    public String fileHash;

    public Instant updatedAt;

    public String document;

    public static Optional<StoredProvision> byId(String id) {
        return Sql.first("select " + COLUMNS + " from provision where id = ?", StoredProvision::read, id);
    }

    /** The row, locked until the transaction ends (writers of it queue); {@code null} if there is none. */
    public static StoredProvision lockedById(String id) {
        return Sql.first("select " + COLUMNS + " from provision where id = ? for update", StoredProvision::read, id)
                .orElse(null);
    }

    /** Every row, documents included. */
    public static List<StoredProvision> all() {
        return Sql.list("select " + COLUMNS + " from provision order by id", StoredProvision::read);
    }

    /** The rows with these ids, documents included (ids that have no row are left out). */
    public static List<StoredProvision> withIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        return Sql.list("select " + COLUMNS + " from provision where id in (" + marks + ") order by id",
                StoredProvision::read, ids.toArray());
    }

    /** Every row's metadata without its document, by id: a few bytes per provision, not its document. */
    public static List<ProvisionHead> heads() {
        return Sql.list("select id, version_no, content_hash, file_hash, updated_at from provision order by id",
                r -> new ProvisionHead(r.getString("id"), r.getInt("version_no"), r.getString("content_hash"),
                        r.getString("file_hash"), Sql.instant(r, "updated_at")));
    }

    /** Remembers which data file a row was last loaded from, without touching its version. */
    public static void rememberFile(String id, String fileHash) {
        Sql.update("update provision set file_hash = ? where id = ?", fileHash, id);
    }

    /** Writes this row: a new one, or the newest version of an existing one. */
    void save(boolean isNew) {
        if (isNew) {
            Sql.update("insert into provision (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?)", id, versionNo,
                    contentHash, fileHash, updatedAt, document);
        } else {
            Sql.update("update provision set version_no = ?, content_hash = ?, file_hash = ?, updated_at = ?, "
                    + "document = ? where id = ?", versionNo, contentHash, fileHash, updatedAt, document, id);
        }
    }

    private static StoredProvision read(ResultSet r) throws SQLException {
        StoredProvision p = new StoredProvision();
        p.id = r.getString("id");
        p.versionNo = r.getInt("version_no");
        p.contentHash = r.getString("content_hash");
        p.fileHash = r.getString("file_hash");
        p.updatedAt = Sql.instant(r, "updated_at");
        p.document = r.getString("document");
        return p;
    }
}
