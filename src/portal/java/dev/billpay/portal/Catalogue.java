package dev.billpay.portal;

import dev.billpay.portal.Page.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.commonmark.node.Node;

/**
 * What the portal holds and in which order: the guides by what a client does with the gateway, then every other
 * markdown file under docs/ (so a new one is published without touching this list), then the decisions.
 */
final class Catalogue {
  /** Pages published when their file exists: other teams write them, so a guide may link to them before they do. */
  static final Set<Path> OPTIONAL = Set.of(Path.of("sdk/java/README.md"), Path.of("sdk/typescript/README.md"));

  private final Path root;
  private final Markdown markdown;
  private final Set<Path> placed = new LinkedHashSet<>();

  private Catalogue(Path root, Markdown markdown) {
    this.root = root;
    this.markdown = markdown;
  }

  /** The sections in navigation order; the landing page and the decisions' own pages come after the last. */
  static List<Section> of(Path root, Markdown markdown) {
    return new Catalogue(root, markdown).sections();
  }

  private List<Section> sections() {
    List<Section> sections = new ArrayList<>();
    sections.add(new Section("Start here", "From a key to a first payment, then the rules every call follows.",
        List.of(doc("quickstart", "docs/quickstart.md"), doc("pay-a-bill", "docs/pay-a-bill.md"),
            doc("plans", "docs/plans.md"), doc("errors-and-idempotency", "docs/errors-and-idempotency.md"))));
    List<Page> integrate = new ArrayList<>(List.of(
        new Page(Kind.REFERENCE, "reference", "API reference", Path.of("src/main/resources/openapi.yaml"),
            "Every operation of the REST API, its parameters, bodies and problems, with Try it against this gateway.",
            true),
        doc("webhooks", "docs/webhooks.md"), doc("events", "docs/events.md"),
        new Page(Kind.EVENT_CATALOGUE, "event-catalogue", "Event catalogue", Path.of("docs/events.md"),
            "Every event type on the topic and in webhooks, what it means and the fields of its data.", true),
        doc("sdks", "docs/sdks.md")));
    optional("sdk-java", "sdk/java/README.md").ifPresent(integrate::add);
    optional("sdk-typescript", "sdk/typescript/README.md").ifPresent(integrate::add);
    sections.add(new Section("Integrate", "The contract, the notifications a client receives, and the SDKs.",
        integrate));
    sections.add(new Section("Clearing and reconciliation", "How money moves after a payment is accepted.",
        List.of(doc("clearing", "docs/clearing.md"), doc("returns-automation", "docs/returns-automation.md"),
            doc("reconciliation", "docs/reconciliation.md"), doc("expected-payments", "docs/expected-payments.md"),
            doc("same-day-ach", "docs/same-day-ach.md"), doc("bank-files", "docs/bank-files.md"),
            doc("bank-notifications", "docs/bank-notifications.md"),
            doc("account-verification", "docs/account-verification.md"),
            doc("bank-validation", "docs/bank-validation.md"))));
    sections.add(new Section("Tutorials", "End-to-end runs, each checked by a test against a real gateway.",
        markdownIn("docs/tutorials", "tutorials/")));
    List<Page> operate = new ArrayList<>(List.of(doc("architecture", "docs/architecture.md"),
        doc("deploy", "docs/deploy.md"), doc("history", "docs/history.md"),
        new Page(Kind.DIRECTORY, "decisions", "Decisions", Path.of("docs/decisions"),
            "The decisions that constrain later work: context, decision, consequences.", true),
        doc("changelog", "docs/changelog.md"),
        lenient("readme", "README.md")));
    List<Page> more = markdownIn("docs", "");
    sections.add(new Section("Run and change it", "How the gateway is built, deployed and how it got here.", operate));
    if (!more.isEmpty()) {
      sections.add(new Section("More", "Other documents of the repository.", more));
    }
    return sections;
  }

  /** The decision records, listed by their directory page rather than in the navigation. */
  static List<Page> decisions(Path root, Markdown markdown) {
    return new Catalogue(root, markdown).markdownIn("docs/decisions", "decisions/");
  }

  private Page doc(String route, String source) {
    return markdownPage(route, Path.of(source), true);
  }

  private Page lenient(String route, String source) {
    return markdownPage(route, Path.of(source), false);
  }

  private java.util.Optional<Page> optional(String route, String source) {
    return Files.isRegularFile(root.resolve(source))
        ? java.util.Optional.of(markdownPage(route, Path.of(source), false)) : java.util.Optional.empty();
  }

  /** The markdown files directly in {@code dir} not placed yet, by file name. */
  private List<Page> markdownIn(String dir, String routePrefix) {
    try (Stream<Path> files = Files.list(root.resolve(dir))) {
      return files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted()
          .map(f -> root.relativize(f))
          .filter(f -> !placed.contains(f))
          .map(f -> markdownPage(routePrefix + f.getFileName().toString().replaceFirst("\\.md$", ""), f, true))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Page markdownPage(String route, Path source, boolean strict) {
    Path file = root.resolve(source);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("the portal lists " + source + ", which does not exist");
    }
    placed.add(source);
    Node document = markdown.parse(read(file));
    String title = Markdown.title(document);
    return new Page(Kind.MARKDOWN, route, title.isEmpty() ? source.toString() : title, source,
        Markdown.summary(document, 220), strict);
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
