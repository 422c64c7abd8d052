package org.tongke.config.generate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tongke.config.county.Community;
import org.tongke.config.county.Pairing;

/**
 * The shape of a county before anything is generated: its schools, its communities (教共体)
 * and the county's school pairings. {@link CountyGenerator} fills in the rest.
 */
public record CountyBlueprint(String id, String name, List<BlueprintSchool> schools,
                              List<Community> communities, List<Pairing> pairings) {
    public CountyBlueprint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        schools = List.copyOf(schools);
        communities = List.copyOf(communities);
        pairings = List.copyOf(pairings);
    }

    public Optional<BlueprintSchool> school(String schoolId) {
        return schools.stream().filter(s -> s.id().equals(schoolId)).findFirst();
    }
}
