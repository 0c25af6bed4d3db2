package org.provisiontimeline.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.provisiontimeline.provision.CatalogEntry;
import org.provisiontimeline.status.Interval;
import org.provisiontimeline.status.PartialDate;
import org.provisiontimeline.status.Provision;
import org.provisiontimeline.status.StatusAnswer;

/** The few response shapes that differ from the engine's own records. */
final class ProvisionViews {

    private ProvisionViews() {
    }

    /** A provision document as stored, plus its version: what an editor GETs, edits and PUTs back. */
    record Detail(@JsonUnwrapped Provision provision, String datasetVersion, int versionNo, Instant recordedAt) {
        static Detail of(CatalogEntry e) {
            return new Detail(e.provision(), e.datasetVersion(), e.versionNo(), e.recordedAt());
        }
    }

    /** One line of the provision list: who it is and where it stands today. */
    record Summary(String id, String title, String shortTitle, String citation, String jurisdiction, String target,
                   LocalDate checkedThrough, String datasetVersion, int eventCount, CurrentStatus current) {
        static Summary of(CatalogEntry e, StatusAnswer today) {
            Provision p = e.provision();
            return new Summary(p.id(), p.title(), p.shortTitle(), p.citation(), p.jurisdiction(), p.target(),
                    p.checkedThrough(), e.datasetVersion(), p.events().size(), CurrentStatus.of(today));
        }
    }

    /** Today's answer for the general category, in brief; the full answer is at {@code …/status}. */
    record CurrentStatus(LocalDate date, String state, Boolean restricted, PartialDate since, PartialDate until,
                         String confidence) {
        static CurrentStatus of(StatusAnswer a) {
            return new CurrentStatus(a.date(), a.state().name(), a.restricted(), a.since(), a.until(),
                    a.confidence().name());
        }
    }

    /** The intervals of a timeline with what they were computed from. */
    record TimelineView(String provisionId, String category, PartialDate from, PartialDate to,
                        LocalDate checkedThrough, String datasetVersion, String asOf, List<Interval> intervals) {
    }
}
