package geokg.testserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Runs Neo4j Community embedded with Bolt on 127.0.0.1, auth off, for geokg's
 * tests on machines without Docker.
 *
 * <p>Usage: {@code Main [home-dir] [port]}. The home directory holds data and
 * logs (a temporary directory, removed on exit, when omitted); the port comes
 * from the argument, else NEO4J_TEST_PORT, else 7687. Prints
 * {@code NEO4J READY bolt://127.0.0.1:<port>} once the default database is
 * available, and shuts down cleanly on SIGTERM.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        Path home;
        boolean temporary = false;
        if (args.length > 0 && !args[0].isEmpty()) {
            home = Path.of(args[0]).toAbsolutePath();
            Files.createDirectories(home);
        } else {
            home = Files.createTempDirectory("geokg-neo4j-");
            temporary = true;
        }
        int port = port(args.length > 1 ? args[1] : System.getenv("NEO4J_TEST_PORT"));

        // Settings go through a neo4j.conf so they read as in any Neo4j install
        // and strict validation rejects typos.
        Map<String, String> settings = Map.ofEntries(
                Map.entry("server.bolt.enabled", "true"),
                Map.entry("server.bolt.listen_address", "127.0.0.1:" + port),
                Map.entry("server.bolt.tls_level", "DISABLED"),
                Map.entry("server.http.enabled", "false"),
                Map.entry("server.https.enabled", "false"),
                Map.entry("dbms.security.auth_enabled", "false"),
                Map.entry("server.memory.pagecache.size", "256m"),
                Map.entry("dbms.memory.transaction.total.max", "512m"),
                Map.entry("db.tx_log.rotation.retention_policy", "1 files"),
                Map.entry("dbms.usage_report.enabled", "false"));

        Path conf = home.resolve("neo4j.conf");
        StringBuilder text = new StringBuilder();
        new TreeMap<>(settings).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Files.writeString(conf, text.toString());

        long started = System.nanoTime();
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(conf).build();
        } catch (RuntimeException e) {
            System.err.println("NEO4J FAILED: " + rootMessage(e));
            e.printStackTrace();
            System.exit(1);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        final boolean removeHome = temporary;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("NEO4J STOPPING");
            dbms.shutdown();
            if (removeHome) {
                deleteTree(home);
            }
            System.out.println("NEO4J STOPPED");
            stopped.countDown();
        }, "neo4j-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(TimeUnit.MINUTES.toMillis(3))) {
            System.err.println("NEO4J FAILED: default database not available after 3 minutes");
            System.exit(1);
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.println("NEO4J READY bolt://127.0.0.1:" + port + " (" + ms + " ms, home " + home + ")");
        System.out.flush();
        stopped.await();
    }

    private static int port(String s) {
        if (s == null || s.isEmpty()) {
            return 7687;
        }
        try {
            int p = Integer.parseInt(s.trim());
            if (p > 0 && p < 65536) {
                return p;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        System.err.println("NEO4J FAILED: bad port " + s);
        System.exit(2);
        return 0;
    }

    private static String rootMessage(Throwable t) {
        StringBuilder sb = new StringBuilder(String.valueOf(t.getMessage()));
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            sb.append(": ").append(c.getMessage());
        }
        return sb.toString();
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    System.err.println("cannot remove " + p + ": " + e.getMessage());
                }
            });
        } catch (IOException e) {
            System.err.println("cannot remove " + root + ": " + e.getMessage());
        }
    }
}
