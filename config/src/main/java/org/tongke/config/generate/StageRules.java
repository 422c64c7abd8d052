package org.tongke.config.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tongke.config.county.Community;
import org.tongke.config.county.Pairing;
import org.tongke.config.school.Stage;

/** Which grades a school teaches, read from its name, and widened where a pairing needs it. */
final class StageRules {
    private StageRules() {
    }

    /**
     * 中学, 镇中, 二中 teach the junior grades; 学校, 乡校, 镇校 all nine (九年一贯制); 小学,
     * 镇小, 乡小, 三小, 分校 and 教学点 the primary ones.
     */
    static Stage fromName(String name) {
        if (name.endsWith("分校") || name.endsWith("教学点") || name.endsWith("小学") || name.endsWith("小")) {
            return Stage.PRIMARY;
        }
        if (name.endsWith("中学") || name.endsWith("中")) {
            return Stage.JUNIOR;
        }
        if (name.endsWith("学校") || name.endsWith("校")) {
            return Stage.NINE_YEAR;
        }
        throw new IllegalArgumentException("cannot tell the stage of '" + name + "' from its name");
    }

    /**
     * A school that supports another but shares no grade with it (a 中学 leading primary
     * schools, like 铁资中学) must run primary classes too, or no lesson could cross: it
     * becomes a nine-year school.
     */
    static List<BlueprintSchool> widen(List<BlueprintSchool> schools, List<Community> communities,
                                       List<Pairing> pairings) {
        Map<String, BlueprintSchool> byId = new LinkedHashMap<>();
        schools.forEach(s -> byId.put(s.id(), s));
        List<Pairing> all = new ArrayList<>(pairings);
        communities.forEach(c -> all.addAll(c.pairings()));
        for (Pairing p : all) {
            BlueprintSchool supporting = byId.get(p.supporting());
            BlueprintSchool receiving = byId.get(p.receiving());
            if (supporting != null && receiving != null && !shareGrade(supporting.stage(), receiving.stage())) {
                byId.put(supporting.id(), supporting.withStage(Stage.NINE_YEAR));
            }
        }
        return List.copyOf(byId.values());
    }

    static boolean shareGrade(Stage a, Stage b) {
        return a.firstGrade() <= b.lastGrade() && b.firstGrade() <= a.lastGrade();
    }
}
