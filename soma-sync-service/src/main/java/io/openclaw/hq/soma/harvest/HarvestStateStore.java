package io.openclaw.hq.soma.harvest;

import io.agroal.api.AgroalDataSource;
import io.openclaw.hq.soma.service.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where the harvest of an account's folder stopped; written only when a harvest succeeds. */
@ApplicationScoped
public class HarvestStateStore {

    public record State(String account, String folder, long uidValidity, long lastUid, String runId, String indexPath,
            int messages, int videos, Instant updatedAt) {
    }

    private final AgroalDataSource dataSource;

    public HarvestStateStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<State> find(String account, String folder) {
        return Jdbc.query(dataSource, "SELECT * FROM soma_harvest_state WHERE account = ? AND folder = ?", s -> {
            s.setString(1, account);
            s.setString(2, folder);
        }, HarvestStateStore::read).stream().findFirst();
    }

    public Optional<State> latest() {
        return Jdbc.query(dataSource, "SELECT * FROM soma_harvest_state ORDER BY updated_at DESC LIMIT 1", s -> {
        }, HarvestStateStore::read).stream().findFirst();
    }

    public void save(State state) {
        Jdbc.update(dataSource, """
                INSERT INTO soma_harvest_state (account, folder, uid_validity, last_uid, run_id, index_path, messages, videos, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (account, folder) DO UPDATE SET uid_validity = EXCLUDED.uid_validity,
                    last_uid = EXCLUDED.last_uid, run_id = EXCLUDED.run_id, index_path = EXCLUDED.index_path,
                    messages = EXCLUDED.messages, videos = EXCLUDED.videos, updated_at = EXCLUDED.updated_at""", s -> {
            s.setString(1, state.account());
            s.setString(2, state.folder());
            s.setLong(3, state.uidValidity());
            s.setLong(4, state.lastUid());
            s.setString(5, state.runId());
            s.setString(6, state.indexPath());
            s.setInt(7, state.messages());
            s.setInt(8, state.videos());
            s.setTimestamp(9, Timestamp.from(state.updatedAt()));
        });
    }

    /** Runs whose index a later harvest reads: retention keeps their folders. */
    public List<String> runIdsInUse() {
        return Jdbc.query(dataSource, "SELECT run_id FROM soma_harvest_state", s -> {
        }, rs -> rs.getString(1));
    }

    private static State read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new State(rs.getString("account"), rs.getString("folder"), rs.getLong("uid_validity"),
                rs.getLong("last_uid"), rs.getString("run_id"), rs.getString("index_path"), rs.getInt("messages"),
                rs.getInt("videos"), rs.getTimestamp("updated_at").toInstant());
    }
}
