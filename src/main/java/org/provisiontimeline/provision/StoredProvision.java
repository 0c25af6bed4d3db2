package org.provisiontimeline.provision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The newest version of one provision: its document and where it came from. */
@Entity
@Table(name = "provision")
public class StoredProvision {

    @Id
    public String id;

    /** Number of the newest version; (provision_id, version_no) is unique, so two writers can't both commit n + 1. */
    @Column(name = "version_no")
    public int versionNo;

    @Column(name = "content_hash")
    public String contentHash;

    /** Hash of the data file last loaded into this provision; {@code null} if it never came from a file. */
    @Column(name = "file_hash")
    public String fileHash;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public String document;

    public static Optional<StoredProvision> byId(String id) {
        return Optional.ofNullable(Database.em().find(StoredProvision.class, id));
    }

    /** The row, locked as {@code lock} says until the transaction ends; {@code null} if there is none. */
    public static StoredProvision findById(String id, LockModeType lock) {
        return Database.em().find(StoredProvision.class, id, lock);
    }

    /**
     * Every row, documents included. This and {@link #heads()} are plain SQL because they are what a start runs: the
     * first HQL query of a process costs about a second (Hibernate builds its HQL parser), which requests that need
     * HQL (history, asOf) pay later instead of every start.
     */
    @SuppressWarnings("unchecked")
    public static List<StoredProvision> all() {
        return Database.em().createNativeQuery("select * from provision order by id", StoredProvision.class)
                .getResultList();
    }

    /** The rows with these ids, documents included (ids that have no row are left out). */
    public static List<StoredProvision> withIds(Collection<String> ids) {
        return Database.em().createQuery("from StoredProvision where id in ?1 order by id", StoredProvision.class)
                .setParameter(1, ids).getResultList();
    }

    /** Every row's metadata without its document, by id: a few bytes per provision, not its document. */
    @SuppressWarnings("unchecked")
    public static List<ProvisionHead> heads() {
        List<Object[]> rows = Database.em().createNativeQuery(
                "select id, version_no, content_hash, file_hash from provision order by id").getResultList();
        return rows.stream().map(r -> new ProvisionHead((String) r[0], ((Number) r[1]).intValue(), (String) r[2],
                (String) r[3])).toList();
    }

    /** Remembers which data file a row was last loaded from, without touching its version. */
    public static void rememberFile(String id, String fileHash) {
        Database.em().createQuery("update StoredProvision set fileHash = ?1 where id = ?2")
                .setParameter(1, fileHash).setParameter(2, id).executeUpdate();
    }

    public void persist() {
        Database.em().persist(this);
    }
}
