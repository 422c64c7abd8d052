package org.tongke.signaling.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaticResourcesTest {
    private final StaticResources console = StaticResources.console();

    @Test
    void servesTheConsolePageOnItsPathWithAndWithoutTheSlash() {
        for (String path : List.of("/console", "/console/", "/console/index.html")) {
            StaticResources.Resource page = console.find(path).orElseThrow();
            assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
            assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("<title>同步课堂控制台</title>");
        }
    }

    @Test
    void servesEveryListedFileWithItsContentType() {
        assertThat(console.find("/console/app.js").orElseThrow().contentType()).isEqualTo("text/javascript; charset=utf-8");
        assertThat(console.find("/console/style.css").orElseThrow().contentType()).isEqualTo("text/css; charset=utf-8");
        for (String name : StaticResources.CONSOLE_FILES) {
            assertThat(console.find("/console/" + name)).as(name).isPresent();
        }
    }

    @Test
    void servesNothingOutsideItsListedFiles() {
        for (String path : List.of("/consoles", "/console/nothing.js", "/console/../console/app.js", "/console//app.js",
                "/", "/console/org/tongke/signaling/web/console/app.js", "/app.js")) {
            assertThat(console.find(path)).as(path).isEmpty();
        }
    }

    @Test
    void refusesToStartWithAFileMissingFromTheClassPath() {
        assertThatThrownBy(() -> new StaticResources("/console", "org/tongke/signaling/web/console", List.of("gone.js")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Page file org/tongke/signaling/web/console/gone.js is missing from the class path");
    }

    @Test
    void everyModuleTheConsoleImportsIsAListedFile() {
        for (String name : StaticResources.CONSOLE_FILES) {
            String text = new String(console.find("/console/" + name).orElseThrow().body(), StandardCharsets.UTF_8);
            var imports = java.util.regex.Pattern.compile("from '\\./([\\w.-]+)'").matcher(text);
            while (imports.find()) {
                assertThat(StaticResources.CONSOLE_FILES).as(name + " imports " + imports.group(1)).contains(imports.group(1));
            }
        }
    }
}
