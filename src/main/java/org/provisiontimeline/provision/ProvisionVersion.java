package org.provisiontimeline.provision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One immutable version of a provision: who wrote it, when, what changed, and the whole document after it. */
@Entity
@Table(name = "provision_version")
public class ProvisionVersion extends PanacheEntityBase {

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
        return find("provisionId = ?1 and recordedAt <= ?2 order by versionNo desc", provisionId, instant)
                .firstResultOptional();
    }

    public static Optional<ProvisionVersion> latest(String provisionId) {
        return find("provisionId = ?1 order by versionNo desc", provisionId).firstResultOptional();
    }

    public static List<ProvisionVersion> history(String provisionId) {
        return list("provisionId = ?1 order by versionNo", provisionId);
    }
}
