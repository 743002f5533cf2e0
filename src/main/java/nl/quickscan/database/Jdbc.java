package nl.quickscan.database;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain JDBC for the reads and writes that generated repository methods do not express well (rows with their
 * children, conditional updates with several outcomes, batches). Each runs on the caller's connection when it has one
 * (inside a transaction), on a pooled one otherwise.
 */
public final class Jdbc {

    /** Makes one value of a result row. */
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final ConnectionOperations<Connection> connections;

    public Jdbc(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    /** The rows of a query; {@code what} names them in the error ("answers"). */
    public <T> List<T> query(String what, String sql, RowMapper<T> mapper, Object... parameters) {
        return connections.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                set(statement, 1, parameters);
                List<T> rows = new ArrayList<>();
                try (ResultSet resultSet = statement.executeQuery()) {
                    while (resultSet.next()) {
                        rows.add(mapper.map(resultSet));
                    }
                }
                return rows;
            } catch (SQLException e) {
                throw new DataAccessException("reading " + what + " failed: " + e.getMessage(), e);
            }
        });
    }

    /** The update count of one statement; {@code what} names what it writes in the error ("an action"). */
    public int execute(String what, String sql, Object... parameters) {
        return connections.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                set(statement, 1, parameters);
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new DataAccessException("writing " + what + " failed: " + e.getMessage(), e);
            }
        });
    }

    /** Sets {@code values} as the parameters from {@code first} on; a null as SQL NULL. */
    public static void set(PreparedStatement statement, int first, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                statement.setNull(first + i, Types.VARCHAR);
            } else {
                statement.setObject(first + i, values[i]);
            }
        }
    }
}
