package org.tongke.config.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by Debian's chromedriver, headless, for the page and WebRTC tests of
 * every module. {@code TONGKE_TEST_CHROMIUM} and {@code TONGKE_TEST_CHROMEDRIVER} point elsewhere;
 * a missing browser fails the test with what to install, never skips it.
 */
public final class HeadlessChromium {
    public static final String BROWSER = env("TONGKE_TEST_CHROMIUM", "/usr/bin/chromium");
    public static final String DRIVER = env("TONGKE_TEST_CHROMEDRIVER", "/usr/bin/chromedriver");
    /** A fake camera and microphone that need no permission prompt, for WebRTC tests. */
    public static final List<String> FAKE_MEDIA = List.of("--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream");

    private HeadlessChromium() {
    }

    /** A new browser with its own profile under {@code profile}; {@code extraArguments} are added. */
    public static ChromeDriver start(Path profile, List<String> extraArguments) {
        requireExecutable(DRIVER, "TONGKE_TEST_CHROMEDRIVER", "chromium-driver");
        requireExecutable(BROWSER, "TONGKE_TEST_CHROMIUM", "chromium");
        Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        List<String> arguments = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1366,900",
                "--user-data-dir=" + profile.toAbsolutePath()));
        arguments.addAll(extraArguments);
        options.addArguments(arguments);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void requireExecutable(String path, String variable, String debianPackage) {
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException("The browser test needs " + path + " (Debian package " + debianPackage
                    + ", or set " + variable + " to another path); it is missing or not executable");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
