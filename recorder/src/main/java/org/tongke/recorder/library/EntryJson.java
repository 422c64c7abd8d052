package org.tongke.recorder.library;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.tongke.recorder.catalog.CatalogEntry;
import org.tongke.recorder.catalog.Room;
import org.tongke.recorder.catalog.SearchResult;

/** The library API's JSON for entries and searches, with every media path as a signed URL. */
final class EntryJson {
    static final int VERSION = 1;

    private final MediaUrlSigner signer;

    EntryJson(MediaUrlSigner signer) {
        this.signer = signer;
    }

    JsonObject search(SearchResult result) {
        JsonArray entries = new JsonArray();
        result.entries().forEach(e -> entries.add(entry(e)));
        JsonObject facets = new JsonObject();
        for (Map.Entry<String, List<SearchResult.FacetCount>> facet : result.facets().entrySet()) {
            JsonArray values = new JsonArray();
            facet.getValue().forEach(f -> values.add(new JsonObject().put("value", f.value()).put("label", f.label())
                    .put("count", f.count())));
            facets.put(facet.getKey(), values);
        }
        return new JsonObject().put("type", "library-search").put("version", VERSION).put("total", result.total())
                .put("page", result.page()).put("size", result.pageSize()).put("entries", entries).put("facets", facets);
    }

    JsonObject entry(CatalogEntry e) {
        JsonObject json = new JsonObject().put("id", e.id()).put("type", e.type().word()).put("title", e.title())
                .put("lessonId", e.lessonId()).put("classroom", e.classroom())
                .put("community", e.communityId() == null ? null
                        : new JsonObject().put("id", e.communityId()).put("name", e.communityName()))
                .put("subject", e.subject()).put("grade", e.grade() > 0 ? e.grade() : null)
                .put("kind", e.kind() == null ? null : e.kind().word())
                .put("date", e.date() == null ? null : e.date().toString())
                .put("start", e.start() == null ? null : e.start().toString())
                .put("end", e.end() == null ? null : e.end().toString())
                .put("rooms", rooms(e.rooms())).put("notes", e.notes()).put("views", e.views())
                .put("attachedTo", e.attachedTo()).put("createdAt", e.createdAt().toString());
        if (e.media() != null) {
            CatalogEntry.Media m = e.media();
            json.put("media", new JsonObject().put("durationSeconds", m.durationSeconds()).put("width", m.width())
                    .put("height", m.height()).put("bytes", m.bytes()).put("poster", signedFile(m.posterPath()))
                    .put("playlist", m.playlistPath() == null ? null : signer.inFolder(
                            MediaUrlSigner.folderOf(m.playlistPath()), fileName(m.playlistPath()))));
        }
        if (e.resource() != null) {
            CatalogEntry.ResourceFile r = e.resource();
            json.put("resource", new JsonObject().put("kind", r.kind().word()).put("fileName", r.fileName())
                    .put("mediaType", r.mediaType()).put("bytes", r.bytes()).put("file", signedFile(r.path()))
                    .put("preview", signedFile(r.previewPath())));
        }
        return json;
    }

    /** Signed URLs of the thumbnail images, in time order. */
    JsonArray thumbnails(String folder, List<String> names) {
        JsonArray out = new JsonArray();
        names.forEach(n -> out.add(signer.inFolder(folder, n)));
        return out;
    }

    private String signedFile(String path) {
        return path == null ? null : signer.file(path);
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static JsonArray rooms(List<Room> rooms) {
        JsonArray out = new JsonArray();
        for (Room r : rooms) {
            out.add(new JsonObject().put("role", r.role().word()).put("school", r.schoolId())
                    .put("schoolName", r.schoolName()).put("classId", r.classId()).put("className", r.className())
                    .put("teacher", r.teacherId()).put("teacherName", r.teacherName()));
        }
        return out;
    }
}
