package io.openclaw.hq.soma.service;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The few JDBC shapes the Soma stores need, with SQL errors turned into one exception type. */
public final class Jdbc {

    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private Jdbc() {
    }

    public static int update(AgroalDataSource dataSource, String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("soma_sync database: " + e.getMessage(), e);
        }
    }

    public static <T> List<T> query(AgroalDataSource dataSource, String sql, Binder binder, Row<T> row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rs.next()) {
                    result.add(row.read(rs));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("soma_sync database: " + e.getMessage(), e);
        }
    }
}
