package org.tongke.signaling.schedule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.tongke.config.county.County;
import org.tongke.config.school.Classroom;
import org.tongke.config.school.School;
import org.tongke.config.validate.CountyValidator;
import org.tongke.config.validate.ValidatedCounty;

/** The county's recording classrooms with their schools' names, from the county configuration. */
public final class CountyClassrooms {
    private CountyClassrooms() {
    }

    /** {@link IllegalArgumentException} naming the folder and its first problems when the configuration is unusable. */
    public static County read(Path dir) {
        ValidatedCounty validated = CountyValidator.validate(dir);
        if (!validated.usable()) {
            throw new IllegalArgumentException("county configuration " + dir + " has " + validated.problems().errorCount()
                    + " errors: " + validated.problems().errors().stream().limit(3).map(Object::toString)
                    .collect(Collectors.joining("; ")));
        }
        return validated.orThrow();
    }

    public static List<KnownClassroom> of(County county) {
        List<KnownClassroom> out = new ArrayList<>();
        for (School school : county.schools()) {
            for (Classroom room : school.recordingClassrooms()) {
                out.add(new KnownClassroom(school.id() + "/" + room.id(), school.name(), room.name()));
            }
        }
        return out;
    }
}
