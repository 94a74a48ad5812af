package org.perfdoc.batch;

/** Hears how a batch run goes, document by document; the command line shows it, tests ignore it. */
public interface Progress extends AutoCloseable {
    /** Prints nothing. */
    Progress NONE = new Progress() {
        @Override
        public void started(int total) {
        }

        @Override
        public void done(Outcome outcome) {
        }

        @Override
        public void close() {
        }
    };

    /** The run has {@code total} inputs. */
    void started(int total);

    /** One input is done (called from the worker threads, one at a time). */
    void done(Outcome outcome);

    /** The run is over. */
    @Override
    void close();
}
