package io.slotbridge.console.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.console.deadletter.app.DeadLetter;
import io.slotbridge.console.deadletter.app.DeadLetters;
import io.slotbridge.console.deadletter.domain.DeadLetterFilter;
import io.slotbridge.console.lead.app.Leads;
import io.slotbridge.contracts.CloudEvents;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.crm.LeadSnapshotted;
import io.slotbridge.platform.test.KafkaProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console in a real headless Chromium (Debian's chromium + chromedriver): an operator signs in, follows a lead
 * from webhook to slot colour, and replays a dead letter that a consumer then receives. Screenshots land in
 * {@code target/screenshots}. Skipped, saying why, only when Chromium or chromedriver is not installed.
 */
class ConsoleBrowserIT extends ConsoleIntegrationTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    @Autowired
    Leads leads;

    @Autowired
    DeadLetters deadLetters;

    private WebDriver browser;
    private WebDriverWait wait;
    private Path profile;
    private String testName;

    @BeforeEach
    void startBrowser(TestInfo test) throws IOException {
        Path chromium = Browsers.chromium();
        Path driver = Browsers.chromedriver();
        Assumptions.assumeTrue(
                chromium != null && driver != null,
                "browser tests need Debian's chromium and chromium-driver "
                        + "(apt-get install -y chromium chromium-driver); found chromium=" + chromium
                        + ", chromedriver=" + driver);
        profile = Files.createTempDirectory("console-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        testName = test.getTestMethod().map(m -> m.getName()).orElse("browser");
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            screenshot("last");
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void an_operator_follows_a_lead_from_webhook_to_slot_colour() throws IOException {
        LeadStory story = LeadStory.newLead();
        story.publish(kafka);
        eventually()
                .until(() -> leads.timeline(LeadStory.TENANT, story.leadId).size()
                        >= story.expectedTitles().size());

        signIn("operator", "operator-password-1");
        open("/leads?tenant=demo");
        browser.findElement(By.id("lead-query")).sendKeys(story.name);
        browser.findElement(By.id("find-lead")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(story.leadId)))
                .click();
        wait.until(ExpectedConditions.textToBe(By.id("lead-id"), story.leadId));
        screenshot("lead-timeline");

        assertThat(browser.findElement(By.id("slot-color")).getText()).isEqualTo("Banana");
        var lines = browser.findElements(By.cssSelector("#timeline li .title")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(lines).hasSameSizeAs(story.expectedTitles());
        assertThat(lines.get(0)).isEqualTo("Webhook received from amoCRM");
        assertThat(lines).anyMatch(line -> line.startsWith("Calendar slot Banana"));
        assertThat(browser.findElement(By.id("lead-stage")).getText()).isEqualTo("5. Встреча назначена");
    }

    @Test
    void an_operator_replays_a_dead_letter_and_the_consumer_receives_it() throws IOException {
        LeadSnapshotted record =
                DeadLetterReplayIT.snapshot("demo", UUID.randomUUID().toString());
        DeadLetterFixture.deadLetter(
                Topics.CRM_LEAD_EVENTS.name(),
                0,
                77,
                record,
                "sync",
                "stage '7. Unknown' does not exist " + record.eventId());
        DeadLetterFilter filter = new DeadLetterFilter("demo", null, null, record.eventId());
        eventually().until(() -> !deadLetters.find(filter, 1).isEmpty());
        DeadLetter letter = deadLetters.find(filter, 1).get(0);

        signIn("operator", "operator-password-1");
        open("/dead-letters/" + letter.id());
        assertThat(browser.findElement(By.id("dead-letter-reason")).getText()).contains("does not exist");
        screenshot("dead-letter");
        browser.findElement(By.id("replay")).click();
        wait.until(ExpectedConditions.textToBe(By.id("dead-letter-state"), "replayed"));
        screenshot("dead-letter-replayed");

        assertThat(browser.findElement(By.id("flash")).getText()).startsWith("replayed dead letter " + letter.id());
        assertThat(browser.findElement(By.id("history")).getText())
                .contains("dead-letter.replay")
                .contains("operator");
        ConsumerRecord<String, byte[]> received = kafka
                .read(Topics.CRM_LEAD_EVENTS.name(), Duration.ofSeconds(30), seen -> seen.stream()
                        .anyMatch(r -> record.eventId().equals(KafkaProbe.header(r, CloudEvents.ID))))
                .stream()
                .filter(r -> record.eventId().equals(KafkaProbe.header(r, CloudEvents.ID)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the replayed record never reached crm.lead-events.v1"));
        assertThat(received.key()).isEqualTo(record.kafkaKey());
    }

    @Test
    void a_viewer_sees_dead_letters_but_no_replay_button() throws IOException {
        LeadSnapshotted record =
                DeadLetterReplayIT.snapshot("demo", UUID.randomUUID().toString());
        DeadLetterFixture.deadLetter(
                Topics.CRM_LEAD_EVENTS.name(), 1, 78, record, "sync", "viewer " + record.eventId());
        DeadLetterFilter filter = new DeadLetterFilter("demo", null, null, record.eventId());
        eventually().until(() -> !deadLetters.find(filter, 1).isEmpty());

        signIn("viewer", "viewer-password-1");
        open("/dead-letters/" + deadLetters.find(filter, 1).get(0).id());
        screenshot("viewer-dead-letter");

        assertThat(browser.findElement(By.id("payload")).getText()).contains(record.eventId());
        assertThat(browser.findElements(By.id("replay"))).isEmpty();

        open("/connections/demo/connect/amocrm");
        screenshot("viewer-not-allowed");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        assertThat(browser.getPageSource()).contains("need the <strong>operator</strong> role");
    }

    private void signIn(String user, String password) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header.top")));
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(testName + "-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
