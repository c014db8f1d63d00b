package io.openclaw.hq.soma.snapshot;

import io.agroal.api.AgroalDataSource;
import io.openclaw.hq.soma.service.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The good snapshots: the newest row per product is "the last good snapshot". */
@ApplicationScoped
public class SnapshotStore {

    public record GoodSnapshot(String runId, String productSlug, Instant takenAt, String sha256, String path,
            Library.Counts counts, int requests) {
    }

    private final AgroalDataSource dataSource;

    public SnapshotStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The commit point of a snapshot run: called only once every artifact is written and checked. */
    public void recordGood(GoodSnapshot s) {
        Jdbc.update(dataSource, """
                INSERT INTO soma_snapshots (run_id, product_slug, taken_at, snapshot_sha256, snapshot_path,
                                            courses, modules, lessons, media, requests)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", st -> {
            st.setString(1, s.runId());
            st.setString(2, s.productSlug());
            st.setTimestamp(3, Timestamp.from(s.takenAt()));
            st.setString(4, s.sha256());
            st.setString(5, s.path());
            st.setInt(6, s.counts().courses());
            st.setInt(7, s.counts().modules());
            st.setInt(8, s.counts().lessons());
            st.setInt(9, s.counts().media());
            st.setInt(10, s.requests());
        });
    }

    public Optional<GoodSnapshot> lastGood(String productSlug) {
        return Jdbc.query(dataSource, "SELECT * FROM soma_snapshots WHERE product_slug = ? ORDER BY taken_at DESC, run_id DESC LIMIT 1",
                st -> st.setString(1, productSlug), rs -> new GoodSnapshot(rs.getString("run_id"),
                        rs.getString("product_slug"), rs.getTimestamp("taken_at").toInstant(),
                        rs.getString("snapshot_sha256"), rs.getString("snapshot_path"),
                        new Library.Counts(rs.getInt("courses"), rs.getInt("modules"), rs.getInt("lessons"),
                                rs.getInt("media")), rs.getInt("requests")))
                .stream().findFirst();
    }

    /** Run ids of the last good snapshot of every product: retention never deletes them. */
    public List<String> lastGoodRunIds() {
        return Jdbc.query(dataSource, """
                SELECT DISTINCT ON (product_slug) run_id FROM soma_snapshots
                 ORDER BY product_slug, taken_at DESC, run_id DESC""", st -> {
        }, rs -> rs.getString(1));
    }
}
