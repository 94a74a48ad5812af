package org.perfdoc.serve;

import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Bounded admission: {@code jobs} render threads, and at most {@code jobs + queue} requests admitted at
 * once (uploading, waiting for a render thread, rendering or downloading). A request that finds no
 * ticket is refused (429) before a byte of its body is read, so memory is bounded by
 * {@code (jobs + queue) × max body}.
 *
 * <p>A {@link Ticket} is reference-counted: the HTTP exchange holds it until its last write is done
 * (or the exchange dies), and a started render holds it until the render thread actually returns. An
 * abandoned render that ignores interrupts therefore keeps its ticket until it ends: the count never
 * lies about how busy the CPU is.
 */
public final class Admission {
    private final int jobs;
    private final int capacity;
    private final Semaphore tickets;
    private final ThreadPoolExecutor pool;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    /** Exponentially weighted mean render time in microseconds, for Retry-After. */
    private final AtomicLong meanMicros = new AtomicLong(100_000);

    public Admission(int jobs, int queue) {
        this.jobs = jobs;
        this.capacity = jobs + queue;
        this.tickets = new Semaphore(capacity);
        AtomicInteger n = new AtomicInteger();
        // platform threads: rendering is CPU-bound, virtual threads would only pin carriers
        this.pool = new ThreadPoolExecutor(jobs, jobs, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "render-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** A ticket, or null when {@code jobs + queue} requests are already in. Never blocks. */
    public Ticket tryAdmit() {
        return tickets.tryAcquire() ? new Ticket() : null;
    }

    /** Runs {@code work} on a render thread; {@code done} gets its result or failure on that thread. */
    public <T> Job<T> submit(Ticket ticket, Callable<T> work, BiConsumer<T, Throwable> done) {
        Job<T> job = new Job<>(ticket, work, done);
        ticket.retain();
        queued.incrementAndGet();
        try {
            pool.execute(job);
        } catch (RuntimeException e) { // rejected: pool shut down
            if (job.state.compareAndSet(Job.QUEUED, Job.ABANDONED)) {
                queued.decrementAndGet();
                ticket.release();
            }
            done.accept(null, e);
        }
        return job;
    }

    /** Seconds a refused client should wait: the time to drain what is admitted, at least 1. */
    public int retryAfterSeconds() {
        double perJob = meanMicros.get() / 1e6;
        return (int) Math.max(1, Math.ceil(perJob * (admitted() + 1) / jobs));
    }

    public int running() {
        return running.get();
    }

    /** Bodies received, waiting for a render thread. */
    public int queued() {
        return queued.get();
    }

    /** Tickets out: uploading + queued + running + downloading. */
    public int admitted() {
        return capacity - tickets.availablePermits();
    }

    public int capacity() {
        return capacity;
    }

    /** Stops the render threads after what is running; {@code true} if they ended in time. */
    public boolean shutdown(long millis) throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(millis, TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
            return false;
        }
        return true;
    }

    public final class Ticket {
        private final AtomicInteger holds = new AtomicInteger(1);

        void retain() {
            holds.incrementAndGet();
        }

        /** Idempotence is the caller's business: each holder releases once. */
        public void release() {
            int left = holds.decrementAndGet();
            if (left == 0) {
                tickets.release();
            } else if (left < 0) {
                throw new IllegalStateException("ticket released twice");
            }
        }
    }

    /** A render: queued → running → done, or queued → abandoned (never started). */
    public final class Job<T> implements Runnable {
        static final int QUEUED = 0;
        static final int RUNNING = 1;
        static final int DONE = 2;
        static final int ABANDONED = 3;
        private final AtomicInteger state = new AtomicInteger(QUEUED);
        private final Ticket ticket;
        private final Callable<T> work;
        private final BiConsumer<T, Throwable> done;
        private Thread runner; // guarded by this

        Job(Ticket ticket, Callable<T> work, BiConsumer<T, Throwable> done) {
            this.ticket = ticket;
            this.work = work;
            this.done = done;
        }

        @Override
        public void run() {
            if (!state.compareAndSet(QUEUED, RUNNING)) {
                return; // abandoned while queued: its ticket share is already released
            }
            queued.decrementAndGet();
            running.incrementAndGet();
            synchronized (this) {
                runner = Thread.currentThread();
            }
            long start = System.nanoTime();
            T result = null;
            Throwable failure = null;
            try {
                result = work.call();
            } catch (Throwable t) {
                failure = t;
            } finally {
                synchronized (this) {
                    state.set(DONE);
                    runner = null;
                }
                Thread.interrupted(); // an abandon() that raced the end must not hit the next job
                running.decrementAndGet();
                long micros = (System.nanoTime() - start) / 1000;
                meanMicros.getAndUpdate(m -> (m * 7 + micros) / 8);
                // the render's share goes back before the answer is written: the exchange's own share
                // keeps the ticket out until the last byte is written
                ticket.release();
            }
            done.accept(result, failure);
        }

        /** Cancels a queued job, interrupts a running one; the caller has already answered the client. */
        public void abandon() {
            if (state.compareAndSet(QUEUED, ABANDONED)) {
                pool.remove(this);
                queued.decrementAndGet();
                ticket.release();
                return;
            }
            synchronized (this) {
                if (state.get() == RUNNING && runner != null) {
                    runner.interrupt();
                }
            }
        }
    }
}
