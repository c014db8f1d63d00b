package io.openclaw.hq.soma.mirror;

import io.agroal.api.AgroalDataSource;
import io.openclaw.hq.soma.service.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The mirror's memory: which target item is which source item's twin, kept between runs. */
@ApplicationScoped
public class IdentityMapStore {

    private final AgroalDataSource dataSource;

    public IdentityMapStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Map<String, String> known(String level) {
        Map<String, String> map = new HashMap<>();
        Jdbc.query(dataSource, "SELECT source_id, target_id FROM soma_mirror_identity WHERE level = ?",
                s -> s.setString(1, level), rs -> map.put(rs.getString(1), rs.getString(2)));
        return map;
    }

    /** Replaces, in one transaction, whatever either side of each pair was paired with before. */
    public void remember(List<IdentityPair> pairs, String runId) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM soma_mirror_identity WHERE level = ? AND (source_id = ? OR target_id = ?)");
                    PreparedStatement insert = c.prepareStatement("""
                            INSERT INTO soma_mirror_identity (level, source_id, target_id, paired_by, run_id, paired_at)
                            VALUES (?, ?, ?, ?, ?, ?)""")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (IdentityPair p : pairs) {
                    delete.setString(1, p.level());
                    delete.setString(2, p.sourceId());
                    delete.setString(3, p.targetId());
                    delete.addBatch();
                    insert.setString(1, p.level());
                    insert.setString(2, p.sourceId());
                    insert.setString(3, p.targetId());
                    insert.setString(4, p.pairedBy());
                    insert.setString(5, runId);
                    insert.setTimestamp(6, now);
                    insert.addBatch();
                }
                delete.executeBatch();
                insert.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("soma_sync database: " + e.getMessage(), e);
        }
    }
}
