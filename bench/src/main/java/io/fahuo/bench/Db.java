package io.fahuo.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Plain JDBC to the bench database, for setting the stage and reading the outcome (never on the measured path). */
final class Db {

    private final Config config;

    Db(Config config) {
        this.config = config;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(config.jdbcUrl(), config.pgUser, "");
    }

    /** A fresh, empty database for every run: the server's migrations build it at start. */
    void recreate() throws SQLException {
        try (Connection c = DriverManager.getConnection(config.adminJdbcUrl(), config.pgUser, "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + config.database + " with (force)");
            s.execute("create database " + config.database);
        }
    }

    String pgVersion() throws SQLException {
        try (Connection c = DriverManager.getConnection(config.adminJdbcUrl(), config.pgUser, "")) {
            return string(c, "show server_version");
        }
    }

    void execute(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            ps.execute();
        }
    }

    long number(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    double decimal(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }

    static String string(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }
}
