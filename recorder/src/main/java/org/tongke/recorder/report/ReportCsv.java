package org.tongke.recorder.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The report as CSV (RFC 4180) for Excel: UTF-8 with a byte order mark, without which Excel
 * reads Chinese as mojibake; Chinese headers; one row per pairing and subject, then one total
 * row per pairing with its targets. Delivered lessons (实开) are split into those with a recording
 * in the library (其中有录像) and those held live without one (其中仅直播无录像).
 */
public final class ReportCsv {
    public static final String MEDIA_TYPE = "text/csv; charset=utf-8";
    private static final String BOM = "\uFEFF";
    private static final List<String> HEADER = List.of("教共体", "类型", "支援校", "受援校", "学科", "计划同步课",
            "实开同步课", "其中有录像", "其中仅直播无录像", "目标同步课", "目标学科数", "计划网络教研", "实开网络教研",
            "目标网络教研", "计划线下教研", "实开线下教研", "目标线下教研", "未达标项");

    private ReportCsv() {
    }

    public static byte[] write(DeliveredReport report) {
        StringBuilder out = new StringBuilder(BOM);
        line(out, HEADER);
        for (DeliveredReport.Pairing p : report.pairings()) {
            for (DeliveredReport.Subject s : p.subjects()) {
                line(out, List.of(p.communityName(), p.communityType(), p.supportingName(), p.receivingName(),
                        s.subject(), num(s.planned()), num(s.delivered()), num(s.archived()),
                        num(s.heldWithoutArchive()), "", "", "", "", "", "", "", "", ""));
            }
            line(out, List.of(p.communityName(), p.communityType(), p.supportingName(), p.receivingName(),
                    "合计（" + p.deliveredSubjects() + " 门学科）", num(p.plannedLessons()), num(p.deliveredLessons()),
                    num(p.archivedLessons()), num(p.heldWithoutArchiveLessons()), num(p.targets().syncLessons()),
                    num(p.targets().syncSubjects()), num(p.plannedOnlineResearch()), num(p.deliveredOnlineResearch()),
                    num(p.targets().onlineResearch()), num(p.plannedOfflineResearch()), num(p.deliveredOfflineResearch()),
                    num(p.targets().offlineResearch()), String.join(" ", p.below())));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append(cells.stream().map(ReportCsv::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    private static String cell(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private static String num(int n) {
        return Integer.toString(n);
    }
}
