package io.openclaw.hq.notify.store;

import io.agroal.api.AgroalDataSource;
import io.openclaw.hq.notify.model.MaintenanceWindow;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code maintenance_windows}. A window whose end has passed is never returned: it expires on its own. */
@ApplicationScoped
public class MaintenanceStore {

    private static final String COLUMNS = "id, check_id_pattern, reason, created_at, ends_at, created_by";

    private final AgroalDataSource dataSource;

    public MaintenanceStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public MaintenanceWindow insert(String pattern, String reason, Instant createdAt, Instant endsAt, String createdBy) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO maintenance_windows "
                        + "(check_id_pattern, reason, created_at, ends_at, created_by) VALUES (?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, pattern);
            s.setString(2, reason);
            Jdbc.setInstant(s, 3, createdAt);
            Jdbc.setInstant(s, 4, endsAt);
            s.setString(5, createdBy);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return new MaintenanceWindow(keys.getLong(1), pattern, reason, createdAt, endsAt, createdBy);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("maintenance_windows", e);
        }
    }

    public List<MaintenanceWindow> active(Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                        + " FROM maintenance_windows WHERE ends_at > ? ORDER BY ends_at, id")) {
            Jdbc.setInstant(s, 1, now);
            try (ResultSet rs = s.executeQuery()) {
                List<MaintenanceWindow> windows = new ArrayList<>();
                while (rs.next()) {
                    windows.add(new MaintenanceWindow(rs.getLong("id"), rs.getString("check_id_pattern"),
                            rs.getString("reason"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "ends_at"),
                            rs.getString("created_by")));
                }
                return windows;
            }
        } catch (SQLException e) {
            throw Jdbc.failure("maintenance_windows", e);
        }
    }

    /** Ends a window now; false when no active window has this id. */
    public boolean delete(long id, Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM maintenance_windows WHERE id = ? AND ends_at > ?")) {
            s.setLong(1, id);
            Jdbc.setInstant(s, 2, now);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Jdbc.failure("maintenance_windows", e);
        }
    }

    /** Expired windows are history nobody reads; dropping them keeps the per-alert lookup small. */
    public int purgeExpired(Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM maintenance_windows WHERE ends_at <= ?")) {
            Jdbc.setInstant(s, 1, now);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("maintenance_windows", e);
        }
    }
}
