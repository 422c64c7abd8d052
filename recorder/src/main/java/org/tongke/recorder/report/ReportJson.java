package org.tongke.recorder.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/** The report as the API's JSON record ({@code "type": "delivered-report", "version": 1}). */
public final class ReportJson {
    private ReportJson() {
    }

    public static byte[] write(DeliveredReport report) {
        return object(report).encode().getBytes(StandardCharsets.UTF_8);
    }

    public static JsonObject object(DeliveredReport report) {
        JsonArray pairings = new JsonArray();
        for (DeliveredReport.Pairing p : report.pairings()) {
            JsonArray subjects = new JsonArray();
            p.subjects().forEach(s -> subjects.add(new JsonObject().put("subject", s.subject())
                    .put("planned", s.planned()).put("delivered", s.delivered()).put("archived", s.archived())
                    .put("heldWithoutArchive", s.heldWithoutArchive())));
            pairings.add(new JsonObject().put("community", p.community()).put("communityName", p.communityName())
                    .put("communityType", p.communityType()).put("supporting", p.supporting())
                    .put("supportingName", p.supportingName()).put("receiving", p.receiving())
                    .put("receivingName", p.receivingName()).put("subjects", subjects)
                    .put("plannedLessons", p.plannedLessons()).put("deliveredLessons", p.deliveredLessons())
                    .put("archivedLessons", p.archivedLessons())
                    .put("heldWithoutArchiveLessons", p.heldWithoutArchiveLessons())
                    .put("deliveredSubjects", p.deliveredSubjects())
                    .put("plannedOnlineResearch", p.plannedOnlineResearch())
                    .put("deliveredOnlineResearch", p.deliveredOnlineResearch())
                    .put("plannedOfflineResearch", p.plannedOfflineResearch())
                    .put("deliveredOfflineResearch", p.deliveredOfflineResearch())
                    .put("targets", new JsonObject().put("syncLessons", p.targets().syncLessons())
                            .put("syncSubjects", p.targets().syncSubjects())
                            .put("onlineResearch", p.targets().onlineResearch())
                            .put("offlineResearch", p.targets().offlineResearch()))
                    .put("below", new JsonArray(p.below())));
        }
        return new JsonObject().put("type", "delivered-report").put("version", 1).put("from", report.from().toString())
                .put("to", report.to().toString()).put("pairings", pairings);
    }
}
