package org.tongke.config.yaml;

import java.util.ArrayList;
import java.util.List;
import org.tongke.config.county.Community;
import org.tongke.config.county.CommunityType;
import org.tongke.config.county.Pairing;

/** Reads {@code communities.yaml}: the communities (教共体) and the county's school pairings. */
final class CommunitiesReader {
    record Result(List<Community> communities, List<Pairing> pairings) {
    }

    private CommunitiesReader() {
    }

    static Result read(YamlMap map) {
        List<Community> communities = new ArrayList<>();
        for (YamlMap item : map.maps("communities")) {
            community(item, communities);
        }
        List<Pairing> pairings = new ArrayList<>();
        for (YamlMap item : map.maps("pairings")) {
            String supporting = item.string("supporting");
            String receiving = item.string("receiving");
            int since = item.optInteger("since", 0, 1949, 2100);
            String previous = item.optString("previous", null);
            item.finish();
            if (supporting != null && receiving != null) {
                pairings.add(CalendarReader.record(item, new Pairing(supporting, receiving, since, previous)));
            }
        }
        map.finish();
        return new Result(communities, pairings);
    }

    private static void community(YamlMap item, List<Community> into) {
        String id = item.string("id");
        String name = item.string("name");
        CommunityType type = item.choice("type", CommunityType::fromKey, CountyFileReader.TYPES);
        String core = item.string("core");
        List<String> members = item.texts("members").stream().map(YamlText::value).toList();
        if (!item.has("members")) {
            item.problems().error(item.location("members"), "required field is missing");
        } else if (members.isEmpty()) {
            item.problems().error(item.location("members"), "a community needs at least one member school besides its core");
        }
        int since = item.optInteger("since", 0, 1949, 2100);
        item.finish();
        if (id != null && name != null && type != null && core != null) {
            into.add(CalendarReader.record(item, new Community(id, name, type, core, members, since)));
        } else if (id != null) {
            item.index().recordUnbuilt(org.tongke.config.diagnostic.SourceIndex.COMMUNITY, "", id);
        }
    }
}
