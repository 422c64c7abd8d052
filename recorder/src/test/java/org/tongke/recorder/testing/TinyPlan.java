package org.tongke.recorder.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.tongke.config.county.County;
import org.tongke.config.testing.TinyCounty;
import org.tongke.config.validate.CountyValidator;
import org.tongke.recorder.catalog.LessonDirectory;
import org.tongke.recorder.catalog.PlanFile;

/**
 * The tiny county with a plan of its own: 数学 and 音乐 on 2021-09-06 and 2021-09-13, two 数学
 * research sessions (one online, one offline), written by hand in the scheduler's plan format.
 */
public final class TinyPlan {
    private TinyPlan() {
    }

    public static String json() {
        try (InputStream in = TinyPlan.class.getResourceAsStream("/plans/tiny-plan.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static County county(Path dir) {
        return CountyValidator.validate(TinyCounty.copyTo(dir).dir()).orThrow();
    }

    public static LessonDirectory directory(Path dir) {
        return new LessonDirectory(county(dir), PlanFile.parse(json(), "tiny-plan.json"));
    }
}
