package org.moviestream.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.moviestream.view.KnownStream.ANN;
import static org.moviestream.view.KnownStream.BOB;
import static org.moviestream.view.KnownStream.OWNER;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.moviestream.contract.Defaults;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser (headless Debian Chromium through its ChromeDriver, driven by
 * Selenium) against the real stack after known ratings went through the pipeline: the charts and
 * tables show the known figures, the form answers both questions and shows the reason for a bad
 * hour, and a view whose services are down shows a banner. Saves screenshots under target/.
 */
class ViewPageIT {

  private static final Path SCREENSHOTS = KnownStream.ROOT.resolve("view/target");
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static KnownStream known;
  private static WebDriver browser;

  @BeforeAll
  static void startTheStreamAndTheBrowser() throws Exception {
    known = KnownStream.get();
    browser = HeadlessChromium.start(1400, 1950);
  }

  @AfterAll
  static void closeTheBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void thePageShowsTheKnownFiguresAndAnswersTheForm() throws Exception {
    browser.get(known.url);

    awaitText("#dead-letters-total", "4");
    awaitText("#total-lag", "0");
    assertEquals(
        List.of(
            "0 " + known.sentPerPartition.getOrDefault(0, 0L),
            "1 " + known.sentPerPartition.getOrDefault(1, 0L),
            "2 " + known.sentPerPartition.getOrDefault(2, 0L)),
        rows("#lag-table", 0, 2));

    await(() -> rows("#windows-table", 0, 2, 3).size() == 3);
    assertEquals(
        List.of(ANN + " 1 2.00", BOB + " 2 7.00", OWNER + " 2 6.00"),
        rows("#windows-table", 0, 2, 3));
    for (String chart : List.of("#windows-chart", "#average-chart")) {
      List<String> legend =
          browser.findElements(By.cssSelector(chart + " .u-legend .u-series .u-label")).stream()
              .map(WebElement::getText)
              .toList();
      assertTrue(legend.containsAll(List.of(ANN, BOB, OWNER)), chart + " legend: " + legend);
    }
    assertEquals(1, browser.findElements(By.cssSelector("#throughput-chart canvas")).size());

    List<String> trending =
        browser.findElements(By.cssSelector("#trending .window")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals(2, trending.size());
    assertTrue(
        trending.get(0).contains("Okja\n2\nDark\n1")
            || trending.get(0).replace("\n", " ").contains("Okja 2 Dark 1"),
        trending.get(0));
    assertTrue(
        trending.get(1).replace("\n", " ").contains("Roma 3 Dark 1 Okja 1"), trending.get(1));

    await(() -> new Select(browser.findElement(By.id("person"))).getOptions().size() == 3);
    new Select(browser.findElement(By.id("person"))).selectByVisibleText(OWNER);
    type("#from", known.windowA.toString());
    type("#to", known.windowB.plusSeconds(30).toString());
    browser.findElement(By.id("ask-avg")).click();
    awaitText("#avg-answer", "128.0 minutes on average over 2 movies (3 ratings).");

    type("#hour", known.hour());
    browser.findElement(By.id("ask-hour")).click();
    await(() -> rows("#hour-table", 1).size() == 3);
    assertEquals(List.of("Dark", "Okja", "Roma"), rows("#hour-table", 1));

    type("#hour", "25 o'clock");
    browser.findElement(By.id("ask-hour")).click();
    await(() -> browser.findElement(By.id("form-error")).isDisplayed());
    assertTrue(
        browser
            .findElement(By.id("form-error"))
            .getText()
            .startsWith("bad hour: '25 o'clock' is not a timestamp"));

    type("#hour", known.hour());
    browser.findElement(By.id("ask-hour")).click();
    await(() -> !browser.findElement(By.id("form-error")).isDisplayed());
    screenshot("view-page.png");
  }

  @Test
  void aViewWhoseServicesAreDownShowsABannerAndRecoversWhenTheyAreBack() throws Exception {
    int kafkaPort = ViewApiIT.freePort();
    int cassandraPort = ViewApiIT.freePort();
    try (ViewServer view =
        ViewServer.start(known.viewOptions("127.0.0.1:" + kafkaPort, cassandraPort))) {
      browser.get("http://127.0.0.1:" + view.port() + "/");
      await(
          () ->
              browser.findElement(By.id("banner")).isDisplayed()
                  && browser.findElement(By.id("banner")).getText().contains("Kafka is down"));
      String banner = browser.findElement(By.id("banner")).getText();
      assertTrue(
          banner.contains(
              "Cassandra is down: cannot reach Cassandra at 127.0.0.1 (port "
                  + cassandraPort
                  + ")"),
          banner);
      screenshot("view-page-services-down.png");

      try (PortRelay kafka = PortRelay.open(kafkaPort, KnownStream.KAFKA_PORT);
          PortRelay cassandra = PortRelay.open(cassandraPort, Defaults.CASSANDRA_PORT)) {
        new WebDriverWait(browser, Duration.ofSeconds(60))
            .until(driver -> !driver.findElement(By.id("banner")).isDisplayed());
        awaitText("#dead-letters-total", "4");
        await(() -> rows("#windows-table", 0).size() == 3);
      }
    }
  }

  private static void type(String css, String text) {
    WebElement input = browser.findElement(By.cssSelector(css));
    input.clear();
    input.sendKeys(text);
  }

  /** The texts of the given columns of each body row, joined by spaces. */
  private static List<String> rows(String table, int... columns) {
    return browser.findElements(By.cssSelector(table + " tr")).stream()
        .map(row -> row.findElements(By.tagName("td")))
        .filter(cells -> !cells.isEmpty())
        .map(
            cells ->
                String.join(
                    " ",
                    java.util.Arrays.stream(columns)
                        .mapToObj(i -> cells.get(i).getText())
                        .toList()))
        .toList();
  }

  private static void awaitText(String css, String expected) {
    try {
      await(() -> browser.findElement(By.cssSelector(css)).getText().equals(expected));
    } catch (org.openqa.selenium.TimeoutException e) {
      assertEquals(expected, browser.findElement(By.cssSelector(css)).getText(), css);
    }
  }

  private static void await(java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser, WAIT)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(driver -> condition.getAsBoolean());
  }

  private static void screenshot(String name) throws Exception {
    HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve(name));
  }
}
