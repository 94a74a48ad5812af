package org.perfdoc.serve;

import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes a connection that has not delivered one complete request head within {@code millis} of
 * opening. The per-request deadline starts only once the head is parsed (the handler runs then), and
 * Jetty's idle timeout restarts with every byte, so without this a client sending its headers at
 * 1 byte/s would keep a connection (not a thread: Jetty parses without blocking) for hours.
 * Covers the first request of a connection only; later keep-alive requests rely on the idle timeout.
 */
final class HeadDeadline implements Connection.Listener {
    private final Scheduler scheduler;
    private final long millis;

    HeadDeadline(Scheduler scheduler, long millis) {
        this.scheduler = scheduler;
        this.millis = millis;
    }

    @Override
    public void onOpened(Connection connection) {
        scheduler.schedule(() -> {
            if (connection.getMessagesIn() == 0 && connection.getEndPoint().isOpen()) {
                connection.getEndPoint().close();
            }
        }, millis, TimeUnit.MILLISECONDS);
    }
}
