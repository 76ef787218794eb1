package io.timetracker.query.replay;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;

/**
 * A read model's tables built beside the live ones, in a schema of their own: created empty with the live
 * tables' columns, defaults, checks and primary keys (what the projections' statements need); once filled, given
 * the live tables' other constraints and indexes, several built at once; finally moved into the
 * application's schema in place of the live tables, which leave for a schema that is then dropped. Moving tables
 * between schemas keeps their names and their indexes' names, so migrations find the schema as they left it.
 * Statistics are left to autovacuum, as for any table that grows: statistics taken of a table while it is small
 * would make PostgreSQL cache plans that scan it, and keep them as it grows wherever nothing analyses it again.
 */
final class ShadowTables {

    /** The table an index definition is on, qualified or not ({@code pg_get_indexdef} qualifies it when needed). */
    private static final Pattern ON_TABLE = Pattern.compile(" ON (ONLY )?\\S+ USING ");

    private final JdbcTemplate jdbc;
    private final String live;
    private final String shadow;

    /**
     * @param live   the application's schema
     * @param shadow the schema to build in
     */
    ShadowTables(JdbcTemplate jdbc, String live, String shadow) {
        this.jdbc = jdbc;
        this.live = live;
        this.shadow = shadow;
    }

    String schema() {
        return shadow;
    }

    void create(List<String> tables) {
        jdbc.execute("DROP SCHEMA IF EXISTS " + shadow + " CASCADE");
        jdbc.execute("CREATE SCHEMA " + shadow);
        for (String table : tables) {
            jdbc.execute("CREATE TABLE " + shadow + "." + table + " (LIKE " + live + "." + table
                    + " INCLUDING ALL EXCLUDING INDEXES)");
            for (Map<String, Object> key : constraints(table, "'p'")) {
                jdbc.execute("ALTER TABLE " + shadow + "." + table + " ADD CONSTRAINT " + key.get("name") + " "
                        + key.get("definition"));
            }
        }
    }

    /**
     * Everything the live tables have that filling did not need: their other constraints and indexes, built by up to
     * {@code parallel} connections at once (an index build is mostly one core's work).
     */
    void complete(List<String> tables, int parallel) {
        List<String> statements = new ArrayList<>();
        for (String table : tables) {
            for (Map<String, Object> constraint : constraints(table, "'u', 'x'")) {
                statements.add("ALTER TABLE " + shadow + "." + table + " ADD CONSTRAINT " + constraint.get("name")
                        + " " + constraint.get("definition"));
            }
            for (String index : jdbc.queryForList("""
                    SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i
                    WHERE i.indrelid = (? || '.' || ?)::regclass
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)""",
                    String.class, live, table)) {
                statements.add(ON_TABLE.matcher(index).replaceFirst(" ON " + shadow + "." + table + " USING "));
            }
        }
        ExecutorService builders = Background.threads(parallel, "index-builder-" + shadow);
        try {
            Background.awaitAll(statements.stream().map(statement -> builders.submit(() -> jdbc.execute(statement)))
                    .toList(), "indexing rebuilt tables");
        } finally {
            builders.shutdownNow();
        }
    }

    /**
     * Puts the built tables in place of the live ones; call it in the transaction that holds writers off, after
     * the last events were applied.
     */
    void swapIn(List<String> tables, String retired) {
        jdbc.execute("CREATE SCHEMA " + retired);
        for (String table : tables) {
            jdbc.execute("ALTER TABLE " + live + "." + table + " SET SCHEMA " + retired);
            jdbc.execute("ALTER TABLE " + shadow + "." + table + " SET SCHEMA " + live);
        }
    }

    void drop() {
        jdbc.execute("DROP SCHEMA IF EXISTS " + shadow + " CASCADE");
    }

    static void dropSchema(JdbcTemplate jdbc, String schema) {
        jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    /**
     * Rows of {@code table} that are in one of the live and the built table but not the other (as many times as
     * they differ), at most {@code samples} of them, each as JSON with the side it is on.
     */
    TableDifference compare(String table, int samples) {
        String liveTable = live + "." + table;
        String builtTable = shadow + "." + table;
        String differences = "(SELECT 'live' AS side, r::text AS row FROM (SELECT * FROM " + liveTable
                + " EXCEPT ALL SELECT * FROM " + builtTable + ") r)"
                + " UNION ALL (SELECT 'rebuilt', r::text FROM (SELECT * FROM " + builtTable
                + " EXCEPT ALL SELECT * FROM " + liveTable + ") r)";
        long liveRows = jdbc.queryForObject("SELECT count(*) FROM " + liveTable, Long.class);
        long builtRows = jdbc.queryForObject("SELECT count(*) FROM " + builtTable, Long.class);
        long differing = jdbc.queryForObject("SELECT count(*) FROM (" + differences + ") d", Long.class);
        List<Map<String, Object>> sample = differing == 0 ? List.of()
                : jdbc.queryForList("SELECT side, row FROM (" + differences + ") d ORDER BY row, side LIMIT "
                + samples);
        return new TableDifference(table, liveRows, builtRows, differing, sample);
    }

    /** How a rebuilt table differs from the live one. */
    record TableDifference(String table, long liveRows, long rebuiltRows, long differingRows,
                           List<Map<String, Object>> samples) {
    }

    private List<Map<String, Object>> constraints(String table, String types) {
        return jdbc.queryForList("SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint "
                + "WHERE conrelid = (? || '.' || ?)::regclass AND contype IN (" + types + ") ORDER BY conname",
                live, table);
    }
}
