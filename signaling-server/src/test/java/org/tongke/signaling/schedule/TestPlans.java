package org.tongke.signaling.schedule;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Plan JSON for tests, in the scheduler's form (docs/plan-format.md): the tiny county's two
 * recording classrooms, chengxi/lubo hosting and zhenbu/lubo receiving. Only the fields this
 * server reads are filled in besides a few others, which it must ignore.
 */
public final class TestPlans {
    public static final String COUNTY = "tiny";
    public static final String HOST = "chengxi/lubo";
    public static final String RURAL = "zhenbu/lubo";

    private TestPlans() {
    }

    /** One dated lesson of c1-math, hosted in chengxi's recording classroom, received in zhenbu's. */
    public static String occurrence(String weekly, String date, String start, String end) {
        return "{\"id\":\"" + weekly + "@" + date + "\",\"weekly\":\"" + weekly + "\",\"requirement\":\"c1-math\","
                + "\"community\":\"c1\",\"kind\":\"synchronized\",\"subject\":\"数学\",\"date\":\"" + date + "\","
                + "\"timetableDay\":\"wednesday\",\"start\":\"" + start + "\",\"end\":\"" + end + "\","
                + "\"host\":" + room("chengxi", "城西小学", "lubo", "四年级(1)班") + ","
                + "\"receivers\":[" + room("zhenbu", "祯埠镇小", "lubo", "四年级(1)班") + "]}";
    }

    private static String room(String school, String name, String classroom, String className) {
        return "{\"school\":\"" + school + "\",\"schoolName\":\"" + name + "\",\"classroom\":\"" + classroom
                + "\",\"classId\":\"g4c1\",\"className\":\"" + className + "\",\"teacher\":null,\"period\":5,"
                + "\"periodStart\":\"13:30\",\"periodEnd\":\"14:10\",\"displaces\":\"free\",\"swap\":null}";
    }

    private static String body(List<String> occurrences) {
        return "{\"county\":\"" + COUNTY + "\",\"score\":\"0hard/0medium/0soft\",\"weekly\":[],\"occurrences\":["
                + occurrences.stream().collect(Collectors.joining(",")) + "],\"cancellations\":[],\"research\":[],"
                + "\"unplaced\":[],\"compliance\":[]}";
    }

    /** A plan file as {@code scheduler solve --out} writes it. */
    public static String file(List<String> occurrences) {
        return "{\"format\":\"tongke-plan\",\"version\":1,\"plan\":" + body(occurrences) + "}";
    }

    /** The scheduler's {@code GET /api/plan} answer. */
    public static String api(long version, List<String> occurrences) {
        return "{\"version\":" + version + ",\"plan\":" + body(occurrences) + "}";
    }
}
