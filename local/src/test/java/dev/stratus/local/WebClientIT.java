package dev.stratus.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Filestore's web client in Debian's Chromium, against Filestore run from its generated template: the
 * uploads land in the local S3, Info lists them, undo removes them, and a dead API shows in the widget.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebClientIT {
  private static final String KEY = "web-it-key";
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private LocalServer server;
  private ChromeDriver browser;
  private Path profile;
  private Path files;
  private String site;
  private final ByteArrayOutputStream logs = new ByteArrayOutputStream();

  @BeforeAll
  void start() throws IOException {
    Path web = Path.of(System.getProperty("filestore.web", "../app/target/web"));
    assertThat(web.resolve("vendor/filepond.min.js")).as("FilePond is copied at build time: run npm ci, then mvn").exists();
    assertThat(CHROMIUM).as("apt-get install chromium chromium-driver (.ci/run does)").exists();
    server = LocalServer.start(new LocalServer.Options(Path.of(LocalMainIT.filestoreTemplate()), 0, KEY,
        Map.of("StorageBucketName", "web-files", "MaxFileSize", "102400",
            "AllowedContentTypes", "text/*,application/octet-stream"), web.toAbsolutePath(), null,
        TestStacks.dynalite(), LocalMain.runtimeClasspath(),
        1, Map.of(), 2, "web", null, true, List.of()), new PrintStream(logs, true, StandardCharsets.UTF_8));
    site = "http://127.0.0.1:" + server.port() + "/";

    profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString()).addArguments("--headless",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1000,800",
        "--user-data-dir=" + profile);
    browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
        options);

    files = Files.createTempDirectory("uploads");
    Files.writeString(files.resolve("notes.txt"), "hello from the browser\n");
    byte[] binary = new byte[50_000];
    new java.util.Random(7).nextBytes(binary);
    Files.write(files.resolve("photo.bin"), binary);
    Files.writeString(files.resolve("undo.txt"), "take me back");
    Files.writeString(files.resolve("offline.txt"), "never arrives");
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    server.close();
  }

  @BeforeEach
  void open() {
    browser.get(site);
    waitFor(() -> !browser.findElements(By.cssSelector(".filepond--root")).isEmpty(), "FilePond on the page");
  }

  private void waitFor(java.util.function.BooleanSupplier condition, String what) {
    new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage(() -> what + "\n" + logs.toString(StandardCharsets.UTF_8))
        .until(d -> condition.getAsBoolean());
  }

  private void add(String... names) {
    WebElement input = browser.findElement(By.cssSelector(".filepond--browser"));
    input.sendKeys(String.join("\n", java.util.Arrays.stream(names).map(n -> files.resolve(n).toString()).toList()));
  }

  private List<String> statuses() {
    return browser.findElements(By.cssSelector(".filepond--file-status-main")).stream().map(WebElement::getText).toList();
  }

  private List<String> serverIds() {
    @SuppressWarnings("unchecked")
    List<String> ids = (List<String>) ((JavascriptExecutor) browser).executeScript(
        "return window.filestorePond.getFiles().map(f => f.serverId).filter(Boolean);");
    return ids;
  }

  private JsonNode info(List<String> ids, String flags) {
    return Http.json(Http.call("POST", site + "files" + flags, Events.JSON.valueToTree(ids).toString(),
        Map.of("x-api-key", KEY)));
  }

  private String head(String key) throws Exception {
    // "--key=ID": an id may start with '-', which the CLI would read as an option.
    return Aws.cli(server, "--endpoint-url", server.s3Endpoint().toString(), "s3api", "head-object", "--bucket",
        "web-files", "--key=" + key);
  }

  @Test
  void uploadsGoStraightToStorageAndInfoListsThem() throws Exception {
    add("notes.txt", "photo.bin");
    waitFor(() -> serverIds().size() == 2, "both uploads complete");
    // FilePond repaints the status on a later animation frame than the one that records the upload.
    waitFor(() -> statuses().equals(List.of("Upload complete", "Upload complete")), "both read \"Upload complete\"");
    List<String> ids = serverIds();
    assertThat(browser.findElement(By.id("file-ids")).getText()).contains(ids.get(0)).contains(ids.get(1));

    Map<String, String> byName = new java.util.HashMap<>();
    waitFor(() -> {
      JsonNode items = info(ids, "?nonstored=yes");
      items.forEach(i -> {
        if (i.has("uploaded_at")) {
          byName.put(i.get("name").asText(), i.get("id").asText());
        }
      });
      return byName.size() == 2;
    }, "Info lists both with uploaded_at");
    JsonNode text = Events.JSON.readTree(head("uploads/" + byName.get("notes.txt")));
    assertThat(text.get("ContentLength").asLong()).isEqualTo(23);
    assertThat(text.get("ContentType").asText()).startsWith("text/plain");
    JsonNode binary = Events.JSON.readTree(head("uploads/" + byName.get("photo.bin")));
    assertThat(binary.get("ContentLength").asLong()).isEqualTo(50_000);
    assertThat(binary.get("ContentType").asText()).isEqualTo("application/octet-stream");

    Path shot = Path.of("target/web-client.png");
    Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), shot,
        StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.size(shot)).isPositive();
  }

  @Test
  void undoRemovesTheUpload() throws Exception {
    add("undo.txt");
    waitFor(() -> serverIds().size() == 1, "the upload completes");
    String id = serverIds().get(0);
    waitFor(() -> info(List.of(id), "?nonstored=yes").size() == 1, "Info has it");
    // FilePond fades the undo button in after the upload; click it once a person could.
    By undo = By.cssSelector(".filepond--action-revert-item-processing");
    waitFor(() -> browser.findElement(undo).isDisplayed() && browser.findElement(undo).isEnabled(), "the undo button");
    new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.ElementNotInteractableException.class)
        .until(d -> {
          d.findElement(undo).click();
          return true;
        });
    waitFor(() -> serverIds().isEmpty(), "the undo completes");
    waitFor(() -> info(List.of(id), "?deleted=yes").path(0).has("deleted_at"), "the item is marked deleted");
    assertThat(Aws.s3Keys(server, "web-files")).doesNotContain(id);
  }

  @Test
  void aDeadApiIsShownInTheWidgetAndWritesNothing() throws Exception {
    String before = Aws.s3Keys(server, "web-files");
    ((JavascriptExecutor) browser).executeScript(
        "document.getElementById('upload-form').dataset.apiRoot = 'http://127.0.0.1:9';");
    add("offline.txt");
    waitFor(() -> statuses().stream().anyMatch(s -> s.contains("cannot be reached")), "the error in the widget");
    assertThat(statuses()).containsExactly("The file service cannot be reached; check your connection and try again");
    assertThat(serverIds()).isEmpty();
    assertThat(Aws.s3Keys(server, "web-files")).isEqualTo(before);
  }

  @Test
  void filesOverTheDeploymentsLimitsAreRefusedInPlainWordsBeforeAnyByteIsSent() throws Exception {
    String before = Aws.s3Keys(server, "web-files");
    // A name no file system allows but a client could send, a file over MaxFileSize, a type not allowed.
    ((JavascriptExecutor) browser).executeScript(
        "window.filestorePond.addFile(new File(['x'], 'n'.repeat(300) + '.txt', {type: 'text/plain'}));"
            + "window.filestorePond.addFile(new File([new Uint8Array(204800)], 'big.bin'));"
            + "window.filestorePond.addFile(new File(['MZ'], 'setup.exe', {type: 'application/x-msdownload'}));");
    waitFor(() -> statuses().size() == 3 && statuses().stream().allMatch(s -> s.startsWith("Not uploaded")), "the refusals");
    assertThat(statuses()).containsExactlyInAnyOrder(
        "Not uploaded: the name is too long: 304 bytes in UTF-8, and names may be at most 255 bytes",
        "Not uploaded: the file is too large: 200 KB (204800 bytes), and files may be at most 100 KB (102400 bytes)",
        "Not uploaded: files of type application/x-msdownload are not allowed here; allowed: text/*,"
            + " application/octet-stream");
    assertThat(serverIds()).isEmpty();
    assertThat(Aws.s3Keys(server, "web-files")).isEqualTo(before);
  }

  @Test
  void aRejectedUploadIsShownInPlainWords() throws Exception {
    // Spoil the signature of every presigned URL the page opens: S3 answers 403.
    ((JavascriptExecutor) browser).executeScript(
        "const open = XMLHttpRequest.prototype.open;"
            + "XMLHttpRequest.prototype.open = function (method, url) {"
            + "  return open.call(this, method, url.replace(/X-Amz-Signature=[0-9a-f]/, 'X-Amz-Signature=g'));"
            + "};");
    String before = Aws.s3Keys(server, "web-files");
    add("notes.txt");
    waitFor(() -> statuses().stream().anyMatch(s -> s.startsWith("The storage rejected")), "the rejection");
    assertThat(statuses()).containsExactly("The storage rejected the upload (HTTP 403)");
    assertThat(Aws.s3Keys(server, "web-files")).isEqualTo(before);
  }
}
