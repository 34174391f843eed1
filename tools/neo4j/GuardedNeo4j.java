import org.neo4j.server.CommunityEntryPoint;

/**
 * Starts the Neo4j community server and stops it cleanly when the process that launched it goes
 * away, even when that process was killed with SIGKILL: the launcher holds the other end of our
 * standard input, so end-of-file on it means "shut down". System.exit runs Neo4j's shutdown hook,
 * which closes the databases cleanly. Run in Java's source-file mode, so nothing is compiled ahead.
 */
public final class GuardedNeo4j {
    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // The launcher never writes; any byte is ignored.
                }
            } catch (java.io.IOException ignored) {
                // A broken pipe also means the launcher is gone.
            }
            System.exit(0);
        }, "launcher-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        CommunityEntryPoint.main(args);
    }
}
