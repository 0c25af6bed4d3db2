package org.provisiontimeline.provision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One immutable version of a provision: who wrote it, when, what changed, and the whole document after it. */
@Entity
@Table(name = "provision_version")
public class ProvisionVersion {

    public enum Origin { DATA_FILE, API }

    public enum ChangeKind { CREATED, REPLACED, EVENT_ADDED, EVENT_REPLACED, EVENT_RETRACTED }

    /** Global order of all versions: the change feed's cursor. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "provision_id")
    public String provisionId;

    @Column(name = "version_no")
    public int versionNo;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Enumerated(EnumType.STRING)
    public Origin origin;

    @Enumerated(EnumType.STRING)
    @Column(name = "change_kind")
    public ChangeKind changeKind;

    public String summary;

    @Column(name = "content_hash")
    public String contentHash;

    public String document;

    /** The version that was current at {@code instant}, if the provision existed then. */
    public static Optional<ProvisionVersion> asOf(String provisionId, Instant instant) {
        return first(Database.em().createQuery("from ProvisionVersion where provisionId = ?1 and recordedAt <= ?2 "
                + "order by versionNo desc", ProvisionVersion.class).setParameter(1, provisionId)
                .setParameter(2, instant));
    }

    public static Optional<ProvisionVersion> latest(String provisionId) {
        return first(Database.em().createQuery("from ProvisionVersion where provisionId = ?1 order by versionNo desc",
                ProvisionVersion.class).setParameter(1, provisionId));
    }

    public static Optional<ProvisionVersion> numbered(String provisionId, int versionNo) {
        return first(Database.em().createQuery("from ProvisionVersion where provisionId = ?1 and versionNo = ?2",
                ProvisionVersion.class).setParameter(1, provisionId).setParameter(2, versionNo));
    }

    public static List<ProvisionVersion> history(String provisionId) {
        return Database.em().createQuery("from ProvisionVersion where provisionId = ?1 order by versionNo",
                ProvisionVersion.class).setParameter(1, provisionId).getResultList();
    }

    /** The change feed: up to {@code max} versions after seq {@code after}, recorded at or after {@code from}. */
    public static List<ProvisionVersion> feed(long after, Instant from, int max) {
        return Database.em().createQuery("from ProvisionVersion where seq > ?1 and recordedAt >= ?2 order by seq",
                ProvisionVersion.class).setParameter(1, after).setParameter(2, from).setMaxResults(max)
                .getResultList();
    }

    /** The newest seq of all versions (0 if there is none): one indexed read, what instances poll. */
    public static long newestSeq() {
        // Plain SQL: it runs at every start, before any request needs HQL (see StoredProvision.all).
        Object max = Database.em().createNativeQuery("select max(seq) from provision_version").getSingleResult();
        return max == null ? 0 : ((Number) max).longValue();
    }

    /** How many versions there are, of all provisions. */
    public static long count() {
        return Database.em().createQuery("select count(*) from ProvisionVersion", Long.class).getSingleResult();
    }

    public void persist() {
        Database.em().persist(this);
    }

    private static Optional<ProvisionVersion> first(TypedQuery<ProvisionVersion> query) {
        return query.setMaxResults(1).getResultStream().findFirst();
    }
}
