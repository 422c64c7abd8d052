package org.tongke.recorder.resource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.config.county.Community;
import org.tongke.config.county.County;
import org.tongke.config.school.School;
import org.tongke.config.school.Teacher;
import org.tongke.recorder.catalog.Catalog;
import org.tongke.recorder.catalog.CatalogEntry;
import org.tongke.recorder.catalog.CurrentLessons;
import org.tongke.recorder.catalog.LessonMetadata;
import org.tongke.recorder.catalog.NewResource;
import org.tongke.recorder.catalog.ResourceKind;
import org.tongke.recorder.catalog.Room;

/**
 * Takes an uploaded file into the library: checks its size and type, moves it to
 * {@code resources/ID/NAME} in the library folder, renders a PDF's preview beside it, and
 * catalogs it with the metadata of the lesson it is attached to ({@code attachTo}: a catalog
 * entry; {@code lesson}: an occurrence id of the plan) or, standing alone, of the form's
 * {@code community, school, teacher, subject, grade, date}.
 */
public final class ResourceIntake {
    private static final Logger LOG = LoggerFactory.getLogger(ResourceIntake.class);
    public static final int MAX_TITLE_LENGTH = 200;

    private final Path library;
    private final Catalog catalog;
    private final CurrentLessons lessons;
    private final ResourceLimits limits;

    public ResourceIntake(Path library, Catalog catalog, CurrentLessons lessons, ResourceLimits limits) {
        this.library = library;
        this.catalog = catalog;
        this.lessons = lessons;
        this.limits = limits;
    }

    /** An uploaded file waiting in a temporary place, with the form's fields. */
    public record Upload(Path file, String fileName, Map<String, String> form, String uploadedBy) {
    }

    public ResourceLimits limits() {
        return limits;
    }

    public CatalogEntry accept(Upload upload) throws IOException {
        long size = Files.size(upload.file());
        if (size > limits.maxBytes()) {
            throw ResourceRejected.tooLarge(limits.maxBytes());
        }
        String title = required(upload.form(), "title");
        if (title.length() > MAX_TITLE_LENGTH) {
            throw ResourceRejected.invalid("title is longer than " + MAX_TITLE_LENGTH + " characters");
        }
        ResourceKind kind = ResourceKind.fromWord(required(upload.form(), "kind")).orElseThrow(() ->
                ResourceRejected.invalid("kind '" + upload.form().get("kind") + "' is not one of " + ResourceKind.words()));
        ResourceType type = ContentSniffer.sniff(upload.file());
        Long attachTo = attachTo(upload.form());
        LessonMetadata metadata = metadata(upload.form(), attachTo);
        String id = UUID.randomUUID().toString();
        Path folder = Files.createDirectories(library.resolve("resources").resolve(id));
        String name = storedName(upload.fileName(), type);
        try {
            Files.move(upload.file(), folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            String preview = null;
            if (type == ResourceType.PDF) {
                PdfPreview.render(folder.resolve(name), folder.resolve("preview.png"));
                preview = "resources/" + id + "/preview.png";
            }
            CatalogEntry entry = catalog.addResource(new NewResource(title, kind, metadata, attachTo,
                    upload.fileName(), "resources/" + id + "/" + name, type.mediaType(), size, preview,
                    upload.form().get("notes"), upload.uploadedBy()));
            LOG.info("Catalogued resource {} ({}, {} bytes) as entry {}", name, type, size, entry.id());
            return entry;
        } catch (IOException | RuntimeException e) {
            // Nothing of a refused upload stays in the library.
            deleteFolder(folder);
            throw e;
        }
    }

    private static void deleteFolder(Path folder) {
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            LOG.warn("Could not remove {} after a refused upload", folder, e);
        }
    }

    private Long attachTo(Map<String, String> form) {
        String value = blank(form.get("attachTo"));
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw ResourceRejected.invalid("attachTo '" + value + "' is not an entry id");
        }
    }

    private LessonMetadata metadata(Map<String, String> form, Long attachTo) {
        if (attachTo != null) {
            CatalogEntry lesson = catalog.find(attachTo).filter(e -> e.type() == CatalogEntry.Type.LESSON)
                    .orElseThrow(() -> ResourceRejected.invalid("attachTo " + attachTo + " is no lesson of the library"));
            return new LessonMetadata(lesson.lessonId(), lesson.title(), lesson.communityId(), lesson.communityName(),
                    lesson.kind(), lesson.subject(), lesson.grade(), lesson.date(), lesson.start(), lesson.end(),
                    lesson.rooms());
        }
        String lessonId = blank(form.get("lesson"));
        if (lessonId != null) {
            return lessons.now().find(lessonId)
                    .orElseThrow(() -> ResourceRejected.invalid("lesson '" + lessonId + "' is not in the plan"));
        }
        return standalone(form);
    }

    private LessonMetadata standalone(Map<String, String> form) {
        County county = lessons.now().county();
        String schoolId = blank(form.get("school"));
        String communityId = blank(form.get("community"));
        List<Room> rooms = List.of();
        if (schoolId != null) {
            School school = county.school(schoolId)
                    .orElseThrow(() -> ResourceRejected.invalid("school '" + schoolId + "' is not in the county"));
            String teacherId = blank(form.get("teacher"));
            String teacherName = teacherId == null ? null : school.teacher(teacherId).map(Teacher::name).orElseThrow(() ->
                    ResourceRejected.invalid("teacher '" + teacherId + "' is not a teacher of " + school.name()));
            rooms = List.of(new Room(Room.Role.PARTICIPANT, schoolId, school.name(), null, null, teacherId, teacherName));
            if (communityId == null) {
                communityId = county.communities().stream().filter(c -> c.includes(schoolId)).map(Community::id)
                        .findFirst().orElse(null);
            }
        }
        String community = communityId;
        String communityName = community == null ? null : county.community(community).map(Community::name)
                .orElseThrow(() -> ResourceRejected.invalid("community '" + community + "' is not in the county"));
        return new LessonMetadata(null, "", community, communityName, null, blank(form.get("subject")),
                grade(form.get("grade")), date(form.get("date")), null, null, rooms);
    }

    private static int grade(String value) {
        if (blank(value) == null) {
            return 0;
        }
        try {
            int grade = Integer.parseInt(value.strip());
            if (grade < 1 || grade > 9) {
                throw ResourceRejected.invalid("grade " + grade + " is not 1 to 9");
            }
            return grade;
        } catch (NumberFormatException e) {
            throw ResourceRejected.invalid("grade '" + value + "' is not a number from 1 to 9");
        }
    }

    private static LocalDate date(String value) {
        try {
            return blank(value) == null ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ResourceRejected.invalid("date '" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    /** The uploaded name with anything but letters, digits, '.', '-' and '_' replaced, and the sniffed extension. */
    static String storedName(String fileName, ResourceType type) {
        String base = fileName == null ? "" : fileName.replaceAll("^.*[/\\\\]", "");
        int dot = base.lastIndexOf('.');
        base = (dot > 0 ? base.substring(0, dot) : base).replaceAll("[^\\p{L}\\p{N}._-]", "_");
        if (base.isEmpty() || base.startsWith(".")) {
            base = "file" + base;
        }
        if (base.length() > 100) {
            base = base.substring(0, 100);
        }
        return base + "." + type.extension();
    }

    private static String required(Map<String, String> form, String name) {
        String value = blank(form.get(name));
        if (value == null) {
            throw ResourceRejected.invalid(name + " is missing");
        }
        return value.strip();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
