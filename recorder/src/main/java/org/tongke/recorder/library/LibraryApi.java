package org.tongke.recorder.library;

import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.tongke.config.auth.Role;
import org.tongke.recorder.catalog.CatalogEntry;
import org.tongke.recorder.resource.ResourceIntake;
import org.tongke.recorder.resource.ResourceRejected;

/** The handlers of {@code /api/library/}: parse, run the catalog work on a worker, answer JSON. */
final class LibraryApi {
    private final Vertx vertx;
    private final Library library;
    private final EntryJson json;
    private final ResourceIntake intake;

    LibraryApi(Vertx vertx, Library library, EntryJson json, ResourceIntake intake) {
        this.vertx = vertx;
        this.library = library;
        this.json = json;
        this.intake = intake;
    }

    void search(RoutingContext ctx) {
        var query = SearchParams.parse(ctx.queryParams());
        LibraryRoutes.respond(vertx, ctx, 200, () -> json.search(library.catalog().search(query)));
    }

    void entry(RoutingContext ctx) {
        long id = id(ctx);
        LibraryRoutes.respond(vertx, ctx, 200, () -> {
            CatalogEntry entry = library.catalog().find(id).orElseThrow(() -> noEntry(id));
            JsonObject out = json.entry(entry).put("version", EntryJson.VERSION);
            JsonArray attached = new JsonArray();
            library.catalog().attachedTo(id).forEach(r -> attached.add(json.entry(r)));
            out.put("attachments", attached);
            String thumbs = entry.media() == null ? null : entry.media().thumbnailsPath();
            out.put("thumbnails", thumbs == null ? new JsonArray() : json.thumbnails(thumbs, thumbnails(thumbs)));
            return out;
        });
    }

    void view(RoutingContext ctx) {
        long id = id(ctx);
        LibraryRoutes.respond(vertx, ctx, 200, () -> new JsonObject().put("id", id)
                .put("views", library.catalog().countView(id).orElseThrow(() -> noEntry(id))));
    }

    void notes(RoutingContext ctx) {
        long id = id(ctx);
        if (LibraryAuth.identity(ctx).role() != Role.STAFF) {
            throw new ApiError(403, "forbidden", "only staff keep notes on library entries");
        }
        String notes;
        try {
            notes = ctx.body().asJsonObject().getString("notes");
        } catch (DecodeException | ClassCastException | NullPointerException e) {
            throw ApiError.badRequest("the body must be a JSON object with a notes string");
        }
        if (notes == null) {
            throw ApiError.badRequest("the body must be a JSON object with a notes string");
        }
        LibraryRoutes.respond(vertx, ctx, 200, () -> {
            try {
                return json.entry(library.catalog().setNotes(id, notes).orElseThrow(() -> noEntry(id)));
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest(e.getMessage());
            }
        });
    }

    void upload(RoutingContext ctx) {
        List<FileUpload> files = ctx.fileUploads().stream().filter(f -> "file".equals(f.name())).toList();
        if (files.size() != 1) {
            throw ResourceRejected.invalid("send exactly one file, as the multipart field 'file'");
        }
        FileUpload file = files.get(0);
        Map<String, String> form = new HashMap<>();
        ctx.request().formAttributes().forEach(e -> form.put(e.getKey(), e.getValue()));
        String subject = LibraryAuth.identity(ctx).subject();
        LibraryRoutes.respond(vertx, ctx, 201, () -> json.entry(intake.accept(
                new ResourceIntake.Upload(Path.of(file.uploadedFileName()), file.fileName(), form, subject))));
    }

    private List<String> thumbnails(String folder) throws IOException {
        Path dir = library.folder().toRealPath().resolve(String.join("/", LibraryPaths.segments(folder))).normalize();
        if (!dir.startsWith(library.folder().toRealPath()) || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("(?i).+\\.(jpe?g|png|webp)")).sorted().toList();
        }
    }

    private static long id(RoutingContext ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("entry id '" + ctx.pathParam("id") + "' is not a number");
        }
    }

    private static ApiError noEntry(long id) {
        return ApiError.notFound("the library has no entry " + id);
    }
}
