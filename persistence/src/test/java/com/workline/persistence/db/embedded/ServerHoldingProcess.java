package com.workline.persistence.db.embedded;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Run in a child JVM by {@link EmbeddedPostgresServerTest}: starts the server, reports, waits to be killed. */
public final class ServerHoldingProcess {
    private ServerHoldingProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(Path.of(args[0]));
        System.out.println("READY " + server.port());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
