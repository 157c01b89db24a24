package org.moviestream.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of the README and docs/ resolves: the file exists and, when the link names a
 * heading (#anchor), the file has that heading, as GitHub spells its anchors. The README stays a
 * front door.
 */
class DocumentLinksTest {

  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final int FRONT_DOOR_LINES = 250;

  @Test
  void everyRelativeLinkResolvesToAFileAndAHeading() throws Exception {
    List<String> broken = new ArrayList<>();
    int links = 0;
    for (Path doc : ReadmeTables.documents()) {
      for (String target : links(Files.readString(doc))) {
        links++;
        String why = broken(doc, target);
        if (why != null) {
          broken.add(doc.getFileName() + ": (" + target + ") " + why);
        }
      }
    }
    assertTrue(links > 10, "the documents link to each other: " + links + " links found");
    assertEquals(List.of(), broken);
  }

  @Test
  void theReadmeIsAFrontDoor() throws Exception {
    Path readme = ReadmeTables.documents().get(0);
    long lines = Files.readAllLines(readme).size();
    assertTrue(lines <= FRONT_DOOR_LINES, "README.md has " + lines + " lines");
  }

  @Test
  void anchorsAreSpelledAsGitHubSpellsThem() {
    assertEquals("the-live-view-binview", anchor("The live view: `bin/view`"));
    assertEquals(
        "a-secured-stack-binstack-start---secure",
        anchor("A secured stack: `bin/stack start --secure`"));
    assertEquals("one-vocabulary-one-exit-code-rule", anchor("One vocabulary, one exit-code rule"));
  }

  @Test
  void aMissingFileOrHeadingIsFound() throws Exception {
    Path readme = ReadmeTables.documents().get(0);
    assertTrue(broken(readme, "docs/nowhere.md") != null);
    assertTrue(broken(readme, "docs/guarantees.md#no-such-heading") != null);
    assertEquals(null, broken(readme, "docs/guarantees.md#bad-input"));
  }

  /** Relative link targets outside code blocks (web addresses are not checked). */
  private static List<String> links(String markdown) {
    List<String> targets = new ArrayList<>();
    boolean code = false;
    for (String line : markdown.split("\n")) {
      if (line.startsWith("```")) {
        code = !code;
      }
      if (code) {
        continue;
      }
      Matcher link = LINK.matcher(line.replaceAll("`[^`]*`", ""));
      while (link.find()) {
        String target = link.group(1);
        if (!target.matches("^[a-z]+:.*")) {
          targets.add(target);
        }
      }
    }
    return targets;
  }

  /** Why {@code target}, linked from {@code doc}, does not resolve; null when it does. */
  private static String broken(Path doc, String target) throws Exception {
    int hash = target.indexOf('#');
    String file = hash < 0 ? target : target.substring(0, hash);
    Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
    if (!Files.exists(resolved)) {
      return "no such file";
    }
    if (hash < 0) {
      return null;
    }
    return anchors(resolved).contains(target.substring(hash + 1)) ? null : "no such heading";
  }

  private static Set<String> anchors(Path markdown) throws Exception {
    Set<String> anchors = new HashSet<>();
    boolean code = false;
    for (String line : Files.readAllLines(markdown)) {
      if (line.startsWith("```")) {
        code = !code;
      }
      if (!code && line.matches("^#{1,6} .*")) {
        anchors.add(anchor(line.replaceFirst("^#+ ", "")));
      }
    }
    return anchors;
  }

  /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
  static String anchor(String heading) {
    return heading
        .strip()
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N} _-]", "")
        .replace(' ', '-');
  }
}
