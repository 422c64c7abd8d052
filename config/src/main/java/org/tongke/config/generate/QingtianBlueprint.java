package org.tongke.config.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tongke.config.county.Community;
import org.tongke.config.county.CommunityType;
import org.tongke.config.county.Pairing;
import org.tongke.config.school.Setting;
import org.tongke.config.school.Stage;

/**
 * Qingtian county (青田县) as its education bureau's 2021 document describes it: the 26
 * communities with their real schools and types (attachment 1) and the "Internet + compulsory
 * education" pairings (attachment 2), read from {@code qingtian-2021.json}.
 */
public final class QingtianBlueprint {
    public static final String COUNTY_ID = "qingtian";
    public static final String COUNTY_NAME = "青田县";
    static final String RESOURCE = "qingtian-2021.json";

    /** Rows of attachment 2 whose receiving school is printed as a county name, not a school. */
    static final Set<String> UNUSABLE_RECEIVERS = Set.of("缙云");

    private final Map<String, String> schoolNames = new LinkedHashMap<>();
    private final Map<String, Stage> printedStages = new HashMap<>();
    private final Set<String> supporting = new HashSet<>();

    private QingtianBlueprint() {
    }

    public static CountyBlueprint create() {
        return new QingtianBlueprint().build(read());
    }

    private static JsonNode read() {
        try (InputStream in = QingtianBlueprint.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private CountyBlueprint build(JsonNode root) {
        List<Community> communities = communities(root.path("communities"));
        List<Pairing> pairings = pairings(root.path("internet_pairings").path("rows"));
        List<BlueprintSchool> schools = new ArrayList<>();
        schoolNames.forEach((id, name) -> schools.add(new BlueprintSchool(id, name, stage(name), setting(id))));
        return new CountyBlueprint(COUNTY_ID, COUNTY_NAME, StageRules.widen(schools, communities, pairings),
                communities, pairings);
    }

    private List<Community> communities(JsonNode list) {
        List<Community> communities = new ArrayList<>();
        for (JsonNode node : list) {
            CommunityType type = CommunityType.fromKey(node.path("type").asText())
                    .orElseThrow(() -> new IllegalStateException("unknown community type in " + node));
            List<String> names = new ArrayList<>();
            node.path("schools").forEach(s -> names.add(s.asText()));
            List<String> ids = names.stream().map(this::school).toList();
            supporting.add(ids.get(0));
            String id = String.format("qt-%02d", communities.size() + 1);
            String name = String.join("—", names) + type.chinese() + "教共体";
            communities.add(new Community(id, name, type, ids.get(0), ids.subList(1, ids.size()),
                    node.path("new_in").asInt(0)));
        }
        return communities;
    }

    /** Columns: receiving school, its stage, previous supporting school, new supporting school, since. */
    private List<Pairing> pairings(JsonNode rows) {
        List<Pairing> pairings = new ArrayList<>();
        for (JsonNode row : rows) {
            String receiving = row.get(0).asText();
            if (UNUSABLE_RECEIVERS.contains(receiving)) {
                continue;
            }
            String receivingId = school(receiving);
            printedStages.put(QingtianIds.canonicalName(receiving), Stage.fromKey(row.get(1).asText()).orElseThrow());
            String previous = row.get(2).isNull() ? null : school(row.get(2).asText());
            String supportingId = school(row.get(3).asText());
            supporting.add(supportingId);
            pairings.add(new Pairing(supportingId, receivingId, row.get(4).asInt(), previous));
        }
        return pairings;
    }

    /** The school's id, remembering the school under the name the communities list uses. */
    private String school(String printed) {
        String name = QingtianIds.canonicalName(printed);
        String id = QingtianIds.require(name);
        schoolNames.putIfAbsent(id, name);
        return id;
    }

    private Stage stage(String name) {
        return printedStages.getOrDefault(name, StageRules.fromName(name));
    }

    /** Cores of communities and supporting schools lead lessons: the town and city schools. */
    private Setting setting(String id) {
        return supporting.contains(id) ? Setting.URBAN : Setting.RURAL;
    }
}
