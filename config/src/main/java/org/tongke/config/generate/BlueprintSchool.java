package org.tongke.config.generate;

import java.util.Objects;
import org.tongke.config.school.Setting;
import org.tongke.config.school.Stage;

/** A school as a blueprint knows it: who it is, not yet its classes, teachers or timetable. */
public record BlueprintSchool(String id, String name, Stage stage, Setting setting) {
    public BlueprintSchool {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(setting, "setting");
    }

    /** A teaching point (教学点): a few pupils of the lower grades, one class each. */
    public boolean teachingPoint() {
        return name.endsWith("教学点");
    }

    BlueprintSchool withStage(Stage widened) {
        return new BlueprintSchool(id, name, widened, setting);
    }
}
