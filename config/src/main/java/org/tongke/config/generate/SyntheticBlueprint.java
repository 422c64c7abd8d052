package org.tongke.config.generate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.tongke.config.county.Community;
import org.tongke.config.county.CommunityType;
import org.tongke.config.county.Pairing;
import org.tongke.config.school.Setting;

/**
 * A made-up county of any size, for benchmarks, shaped like Qingtian: about 30% town schools
 * that lead communities, the rest village schools and teaching points; about 27% merged, 38%
 * co-built and 35% collaborative communities of a core and 1-4 members; every school in a
 * community when there are enough places for all of them.
 */
public final class SyntheticBlueprint {
    public static final String COUNTY_ID = "synthetic";
    private static final double URBAN_SHARE = 0.3;
    private static final double MERGED_SHARE = 0.27;
    private static final double CO_BUILT_SHARE = 0.38;
    private static final int MAX_MEMBERS = 4;
    /** Suffix and its pinyin, listed as often as it should be drawn. */
    private static final List<String[]> URBAN_SUFFIXES = suffixes("实验小学", "shiyan-xiaoxue", "实验小学", "shiyan-xiaoxue",
            "小学", "xiaoxue", "小学", "xiaoxue", "小学", "xiaoxue", "中学", "zhongxue", "中学", "zhongxue", "中学", "zhongxue",
            "学校", "xuexiao", "学校", "xuexiao");
    private static final List<String[]> RURAL_SUFFIXES = suffixes("镇小", "zhenxiao", "镇小", "zhenxiao", "镇小", "zhenxiao",
            "乡小", "xiangxiao", "乡小", "xiangxiao", "乡小", "xiangxiao", "乡校", "xiangxiao", "乡校", "xiangxiao",
            "镇中", "zhenzhong", "镇中", "zhenzhong", "分校", "fenxiao", "分校", "fenxiao", "教学点", "jiaoxuedian");

    private final Random random;
    private final PlaceNames places;
    private final Map<String, BlueprintSchool> schools = new LinkedHashMap<>();

    private SyntheticBlueprint(long seed) {
        this.random = Seeds.random(seed, "synthetic-blueprint");
        this.places = new PlaceNames(Seeds.random(seed, "synthetic-places"));
    }

    public static CountyBlueprint create(int schools, int communities, long seed) {
        if (schools < 2 || communities < 1) {
            throw new IllegalArgumentException("a county needs at least 2 schools and 1 community, not "
                    + schools + " and " + communities);
        }
        return new SyntheticBlueprint(seed).build(schools, communities, seed);
    }

    private CountyBlueprint build(int schoolCount, int communityCount, long seed) {
        int urbanCount = (int) Math.max(1, Math.min(Math.round(schoolCount * URBAN_SHARE),
                Math.min(communityCount, schoolCount - 1)));
        List<String> urban = new ArrayList<>();
        List<String> rural = new ArrayList<>();
        for (int i = 0; i < schoolCount; i++) {
            boolean town = i < urbanCount;
            (town ? urban : rural).add(addSchool(town ? URBAN_SUFFIXES : RURAL_SUFFIXES, town ? Setting.URBAN : Setting.RURAL));
        }
        List<Community> communities = communities(communityCount, urban, rural);
        List<Pairing> pairings = pairings(communities);
        String name = "合成县（" + schoolCount + "所学校，" + communityCount + "个教共体，种子" + seed + "）";
        return new CountyBlueprint(COUNTY_ID, name, StageRules.widen(List.copyOf(schools.values()), communities, pairings),
                communities, pairings);
    }

    private String addSchool(List<String[]> suffixes, Setting setting) {
        String[] place = places.next();
        String[] suffix = suffixes.get(random.nextInt(suffixes.size()));
        String id = place[1] + "-" + suffix[1];
        String name = place[0] + suffix[0];
        schools.put(id, new BlueprintSchool(id, name, StageRules.fromName(name), setting));
        return id;
    }

    private List<Community> communities(int count, List<String> urban, List<String> rural) {
        List<CommunityType> types = types(count);
        int[] sizes = memberCounts(count, rural.size());
        List<String> everyone = List.copyOf(schools.keySet());
        Deque<String> unused = new ArrayDeque<>(shuffled(rural));
        List<Community> communities = new ArrayList<>();
        String idFormat = "c-%0" + Math.max(2, String.valueOf(count).length()) + "d";
        for (int i = 0; i < count; i++) {
            String core = urban.get(i % urban.size());
            Set<String> taken = new HashSet<>(Set.of(core));
            List<String> members = new ArrayList<>();
            for (int k = 0; k < sizes[i]; k++) {
                String member = !unused.isEmpty() ? unused.poll() : drawOther(rural, taken);
                member = member != null ? member : drawOther(everyone, taken);
                if (member == null) {
                    break;
                }
                taken.add(member);
                members.add(member);
            }
            String name = nameOf(core, members) + types.get(i).chinese() + "教共体";
            communities.add(new Community(String.format(idFormat, i + 1), name, types.get(i), core, members,
                    2018 + random.nextInt(4)));
        }
        return communities;
    }

    private List<CommunityType> types(int count) {
        int merged = (int) Math.round(count * MERGED_SHARE);
        int coBuilt = (int) Math.min(count - merged, Math.round(count * CO_BUILT_SHARE));
        List<CommunityType> types = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            types.add(i < merged ? CommunityType.MERGED
                    : i < merged + coBuilt ? CommunityType.CO_BUILT : CommunityType.COLLABORATIVE);
        }
        Collections.shuffle(types, random);
        return types;
    }

    /** 1-4 members each, raised where needed (and possible) until every village school has a place. */
    private int[] memberCounts(int count, int ruralSchools) {
        int[] sizes = new int[count];
        int total = 0;
        for (int i = 0; i < count; i++) {
            sizes[i] = 1 + random.nextInt(MAX_MEMBERS);
            total += sizes[i];
        }
        for (int i = random.nextInt(count); total < ruralSchools && total < count * MAX_MEMBERS; i = (i + 1) % count) {
            if (sizes[i] < MAX_MEMBERS) {
                sizes[i]++;
                total++;
            }
        }
        return sizes;
    }

    private String drawOther(List<String> candidates, Set<String> taken) {
        List<String> free = candidates.stream().filter(s -> !taken.contains(s)).toList();
        return free.isEmpty() ? null : free.get(random.nextInt(free.size()));
    }

    /** Each village member of a merged or co-built community is also paired with its core. */
    private List<Pairing> pairings(List<Community> communities) {
        List<Pairing> pairings = new ArrayList<>();
        Set<String> paired = new HashSet<>();
        for (Community c : communities) {
            if (c.type() == CommunityType.COLLABORATIVE) {
                continue;
            }
            for (String member : c.members()) {
                if (schools.get(member).setting() == Setting.RURAL && paired.add(member)) {
                    pairings.add(new Pairing(c.core(), member, c.since(), null));
                }
            }
        }
        return pairings;
    }

    private String nameOf(String core, List<String> members) {
        List<String> names = new ArrayList<>();
        names.add(schools.get(core).name());
        members.forEach(m -> names.add(schools.get(m).name()));
        return String.join("—", names);
    }

    private List<String> shuffled(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        Collections.shuffle(copy, random);
        return copy;
    }

    private static List<String[]> suffixes(String... chineseAndPinyin) {
        List<String[]> list = new ArrayList<>();
        for (int i = 0; i < chineseAndPinyin.length; i += 2) {
            list.add(new String[] {chineseAndPinyin[i], chineseAndPinyin[i + 1]});
        }
        return List.copyOf(list);
    }
}
