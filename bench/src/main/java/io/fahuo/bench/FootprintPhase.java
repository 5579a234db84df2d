package io.fahuo.bench;

/** Footprint: the server's live heap at the heavy moments, and how long it takes to start. */
final class FootprintPhase {

    static void heap(Run run, String id, String name) throws Exception {
        run.add(Figure.less("footprint", id, name, run.server.heapAfterFullGcMb(), "MB").target(512));
    }

    static void start(Run run, String id, String name, long millis) {
        run.add(Figure.less("footprint", id, name, millis / 1000.0, "s").target(10));
    }

    /** Stops the server and starts it again on the now full database. */
    static void restart(Run run) throws Exception {
        run.server.close();
        run.server = ServerProcess.start(run.config, run.config.runDir(), "restart");
        start(run, "footprint.restart", "Server restart on the full database (java -jar → health UP)", run.server.startMillis);
    }
}
