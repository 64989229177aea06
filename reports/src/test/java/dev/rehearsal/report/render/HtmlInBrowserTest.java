package dev.rehearsal.report.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens {@code report.html} in a real headless Chromium: the page must load without console errors, without any
 * request but the file itself, and draw one statement bar per statement. Skipped, with the reason, when Debian's
 * chromium and chromium-driver are not installed.
 */
@Tag("slow") // a headless Chromium
class HtmlInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void should_open_without_errors_or_requests_and_draw_one_bar_per_statement(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "headless browser test skipped: " + CHROMIUM + " and " + CHROMEDRIVER + " are needed; install them with "
                        + "'apt-get install -y chromium chromium-driver'");
        // GIVEN the report written to a file
        Report report = ReportFixture.report();
        Path file = dir.resolve("report.html");
        Files.writeString(file, Rendering.render(ReportFormat.HTML, report), StandardCharsets.UTF_8);

        WebDriver browser = start(dir.resolve("profile"));
        try {
            // WHEN the browser opens it
            browser.get(file.toUri().toString());

            // THEN every migration that ran has its chart, with one visible bar per statement
            List<MigrationReport> migrations = report.migrations();
            for (int i = 0; i < migrations.size(); i++) {
                List<WebElement> bars = browser.findElements(By.cssSelector("#m" + (i + 1) + " svg .stmt-bar"));
                assertThat(bars).as("bars of " + migrations.get(i).displayName())
                        .hasSize(migrations.get(i).statements().size())
                        .allSatisfy(bar -> assertThat(bar.getRect().getWidth()).isPositive());
            }
            assertThat(browser.findElements(By.cssSelector(".stmt-bar")))
                    .hasSize(migrations.stream().mapToInt(m -> m.statements().size()).sum());
            // the skip link is the first stop of the keyboard
            browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
            assertThat(browser.switchTo().activeElement().getAttribute("class")).isEqualTo("skip");

            List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage).toList();
            assertThat(errors).as("browser console").isEmpty();
            List<Request> requests = requests(browser);
            assertThat(requests).as("requests of the page").filteredOn(r -> r.document().equals(file.toUri().toString()))
                    .isNotEmpty().allSatisfy(r -> assertThat(r.url()).isIn(file.toUri().toString(), "data:,"));
            assertThat(requests).as("requests over the network, by anyone").extracting(Request::url)
                    .noneMatch(url -> url.matches("(?i)(https?|wss?|ftp):.*"));
        } finally {
            browser.quit();
        }
    }

    private static WebDriver start(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        logging.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /**
     * Every request the browser started, from the DevTools events in the performance log. Chromium's own pages
     * ({@code chrome://…}) show up there too; {@code document} tells which page asked.
     */
    private static List<Request> requests(WebDriver browser) throws Exception {
        List<Request> requests = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            JsonNode message = ReportJson.mapper().readTree(entry.getMessage()).path("message");
            if ("Network.requestWillBeSent".equals(message.path("method").asText())) {
                JsonNode params = message.path("params");
                requests.add(new Request(params.path("documentURL").asText(), params.path("request").path("url").asText()));
            }
        }
        return requests;
    }

    private record Request(String document, String url) {
    }
}
