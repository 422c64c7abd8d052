package org.tongke.scheduler.api;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.solver.TimetableSolver;

/**
 * One solve: its state, the best score so far (for the API and the page to show progress), and
 * its plan once done. Written by the solving thread, read by any.
 */
public final class SolveJob {
    public enum State {
        QUEUED,
        RUNNING,
        DONE,
        FAILED,
        STOPPED
    }

    /** What the API shows of a job. */
    public record View(String id, State state, String bestScore, boolean feasible, long elapsedMs, boolean published,
                       Integer planVersion, String error) {
    }

    private final String id;
    private final boolean publish;
    private final TimetableSolver.StopSwitch stop = new TimetableSolver.StopSwitch();
    private final AtomicReference<View> view;
    private volatile Plan plan;

    SolveJob(String id, boolean publish) {
        this.id = id;
        this.publish = publish;
        this.view = new AtomicReference<>(new View(id, State.QUEUED, null, false, 0, false, null, null));
    }

    public String id() {
        return id;
    }

    public View view() {
        return view.get();
    }

    public Plan plan() {
        return plan;
    }

    boolean publish() {
        return publish;
    }

    TimetableSolver.StopSwitch stopSwitch() {
        return stop;
    }

    public boolean finished() {
        State s = view.get().state();
        return s == State.DONE || s == State.FAILED || s == State.STOPPED;
    }

    void running() {
        view.updateAndGet(v -> new View(id, State.RUNNING, v.bestScore(), v.feasible(), v.elapsedMs(), false, null, null));
    }

    void progress(TimetableSolver.Progress p) {
        view.updateAndGet(v -> new View(id, v.state(), p.score(), p.feasible(), p.elapsed().toMillis(), false, null, null));
    }

    /** Ended; {@code result} is null when it was stopped before it searched at all. */
    void done(Plan result, Duration took, Integer publishedVersion) {
        this.plan = result;
        State end = stop.stopped() || result == null ? State.STOPPED : State.DONE;
        view.updateAndGet(v -> new View(id, end, result == null ? v.bestScore() : result.score(),
                result != null && result.score().startsWith("0hard"), took.toMillis(), publishedVersion != null,
                publishedVersion, null));
    }

    void failed(Throwable e) {
        view.updateAndGet(v -> new View(id, State.FAILED, v.bestScore(), v.feasible(), v.elapsedMs(), false, null,
                e.getMessage()));
    }
}
