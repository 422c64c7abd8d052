package org.tongke.recorder.library;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.config.plan.PlanStatus;
import org.tongke.recorder.archive.ArchiveManifest;
import org.tongke.recorder.catalog.ArchivedLesson;
import org.tongke.recorder.catalog.Catalog;
import org.tongke.recorder.catalog.CurrentLessons;
import org.tongke.recorder.catalog.LessonDirectory;
import org.tongke.recorder.resource.ResourceLimits;
import org.tongke.recorder.server.RecorderContext;
import org.tongke.recorder.server.RecorderExtension;

/**
 * The library joined to the recorder: its routes and pages on the recorder's router, its
 * catalog on the recorder's database, and every archive the pipeline publishes entered into the
 * catalog with the metadata of the plan in force when it is archived (a later plan does not
 * rewrite it: a lesson archived before it was moved keeps the date and time it was held at).
 * Health shows the plan followed ({@code plan}: source, version, loadedAt, loads, failures) and
 * metrics count its loads and failed reads.
 */
public final class LibraryExtension implements RecorderExtension {
    private static final Logger LOG = LoggerFactory.getLogger(LibraryExtension.class);

    private final CurrentLessons lessons;
    private final Supplier<PlanStatus> plan;
    private final Path libraryDir;
    private final byte[] secret;
    private final Clock clock;

    public LibraryExtension(CurrentLessons lessons, Supplier<PlanStatus> plan, Path libraryDir, byte[] secret,
            Clock clock) {
        this.lessons = lessons;
        this.plan = plan;
        this.libraryDir = libraryDir;
        this.secret = secret.clone();
        this.clock = clock;
    }

    /** A library on a plan it never reloads (tests, tools): health shows it loaded once, when installed. */
    public LibraryExtension(LessonDirectory lessons, Path libraryDir, byte[] secret, Clock clock) {
        this(new CurrentLessons(lessons), fixed(lessons, clock), libraryDir, secret, clock);
    }

    private static Supplier<PlanStatus> fixed(LessonDirectory lessons, Clock clock) {
        PlanStatus status = new PlanStatus("fixed plan", lessons.plan().version(), clock.instant(), 1, 0, null);
        return () -> status;
    }

    @Override
    public void install(RecorderContext context) {
        Catalog catalog = new Catalog(context.dataSource(), clock);
        Library library = new Library(catalog, lessons, libraryDir,
                new MediaUrlSigner(secret, clock, MediaUrlSigner.DEFAULT_TTL), new TokenVerifier(secret, clock),
                ResourceLimits.DEFAULTS, clock);
        new LibraryRoutes(context.vertx(), library).mount(context.router());
        context.health().put("plan", () -> plan.get().toMap());
        context.metrics().gauge("tongke_recorder_plan_loads_total", () -> plan.get().loads());
        context.metrics().gauge("tongke_recorder_plan_failures_total", () -> plan.get().failures());
        context.metrics().gauge("tongke_recorder_plan_version", () -> {
            Long version = plan.get().version();
            return version == null ? 0 : version;
        });
        context.archiveListeners().add(manifest -> {
            ArchivedLesson archived = archived(manifest);
            catalog.publish(archived, lessons.now().describe(archived.lessonId(), archived.classroom()));
            LOG.info("Lesson {} of {} is in the library", archived.lessonId(), archived.classroom());
        });
    }

    /**
     * The catalog's view of an archive: its main source (the first with a picture and sound, the
     * camera of the classroom; else the first), with paths from the library folder.
     */
    static ArchivedLesson archived(ArchiveManifest m) {
        ArchiveManifest.SourceArchive main = m.sources().stream()
                .min(Comparator.comparing((ArchiveManifest.SourceArchive s) -> !(s.audio() && s.width() > 0)))
                .orElseThrow(() -> new IllegalArgumentException("archive " + m.archive() + " has no source"));
        String base = "archives/" + m.archive() + "/";
        return new ArchivedLesson(m.lesson(), m.classroom(), (int) Math.round(main.durationSeconds()), main.width(),
                main.height(), base + main.poster(), base + main.thumbnails().folder(), base + main.master(), m.bytes(),
                m.archivedAt());
    }
}
