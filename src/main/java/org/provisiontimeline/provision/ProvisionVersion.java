package org.provisiontimeline.provision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One immutable version of a provision (a row of {@code provision_version}): who wrote it, when, what changed, and
 * the whole document after it.
 */
public class ProvisionVersion {

    public enum Origin { DATA_FILE, API }

    public enum ChangeKind { CREATED, REPLACED, EVENT_ADDED, EVENT_REPLACED, EVENT_RETRACTED }

    private static final String COLUMNS = "seq, provision_id, version_no, recorded_at, recorded_by, origin, "
            + "change_kind, summary, content_hash, document";
    private static final String SELECT = "select " + COLUMNS + " from provision_version ";

    /** Global order of all versions: the change feed's cursor. */
    public Long seq;

    public String provisionId;

    public int versionNo;

    public Instant recordedAt;

    public String recordedBy;

    public Origin origin;

    public ChangeKind changeKind;

    public String summary;

    public String contentHash;

    public String document;

    /** The version that was current at {@code instant}, if the provision existed then. */
    public static Optional<ProvisionVersion> asOf(String provisionId, Instant instant) {
        return Sql.first(SELECT + "where provision_id = ? and recorded_at <= ? order by version_no desc "
                + "fetch first 1 rows only", ProvisionVersion::read, provisionId, instant);
    }

    public static Optional<ProvisionVersion> latest(String provisionId) {
        return Sql.first(SELECT + "where provision_id = ? order by version_no desc fetch first 1 rows only",
                ProvisionVersion::read, provisionId);
    }

    public static Optional<ProvisionVersion> numbered(String provisionId, int versionNo) {
        return Sql.first(SELECT + "where provision_id = ? and version_no = ?", ProvisionVersion::read, provisionId,
                versionNo);
    }

    public static List<ProvisionVersion> history(String provisionId) {
        return Sql.list(SELECT + "where provision_id = ? order by version_no", ProvisionVersion::read, provisionId);
    }

    /** The change feed: up to {@code max} versions after seq {@code after}, recorded at or after {@code from}. */
    public static List<ProvisionVersion> feed(long after, Instant from, int max) {
        return Sql.list(SELECT + "where seq > ? and recorded_at >= ? order by seq fetch first ? rows only",
                ProvisionVersion::read, after, from, max);
    }

    /** The newest seq of all versions (0 if there is none): one indexed read, what instances poll. */
    public static long newestSeq() {
        return Sql.first("select max(seq) from provision_version", r -> r.getLong(1)).orElse(0L);
    }

    /** How many versions there are, of all provisions. */
    public static long count() {
        return Sql.first("select count(*) from provision_version", r -> r.getLong(1)).orElse(0L);
    }

    /** Appends this version; the database numbers it ({@link #seq}). */
    void insert() {
        seq = Sql.insert("insert into provision_version (provision_id, version_no, recorded_at, recorded_by, origin, "
                + "change_kind, summary, content_hash, document) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", "seq",
                provisionId, versionNo, recordedAt, recordedBy, origin, changeKind, summary, contentHash, document);
    }

    private static ProvisionVersion read(ResultSet r) throws SQLException {
        ProvisionVersion v = new ProvisionVersion();
        v.seq = r.getLong("seq");
        v.provisionId = r.getString("provision_id");
        v.versionNo = r.getInt("version_no");
        v.recordedAt = Sql.instant(r, "recorded_at");
        v.recordedBy = r.getString("recorded_by");
        v.origin = Origin.valueOf(r.getString("origin"));
        v.changeKind = ChangeKind.valueOf(r.getString("change_kind"));
        v.summary = r.getString("summary");
        v.contentHash = r.getString("content_hash");
        v.document = r.getString("document");
        return v;
    }
}
