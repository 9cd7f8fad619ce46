package dev.billpay.portal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Renders the developer portal at build time (exec-maven-plugin, process-test-classes): the repository's markdown
 * into HTML pages under {@code <output>}, with {@code pages.txt} naming each page's route and file, which is what the
 * gateway serves under /docs. A guide linking to a file that does not exist fails the build.
 *
 * <p>Arguments: the repository root and the output directory.
 */
public final class PortalRenderer {
  private final Path root;
  private final Path output;
  private final Markdown markdown = new Markdown();

  PortalRenderer(Path root, Path output) {
    this.root = root;
    this.output = output;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: PortalRenderer <repository root> <output directory>");
    }
    List<Page> pages = new PortalRenderer(Path.of(args[0]), Path.of(args[1])).render();
    System.out.println("developer portal: " + pages.size() + " pages in " + args[1]);
  }

  /** Writes every page and the manifest; answers the pages written. */
  List<Page> render() throws IOException {
    List<Section> sections = Catalogue.of(root, markdown);
    List<Page> pages = new ArrayList<>();
    sections.forEach(s -> pages.addAll(s.pages()));
    pages.addAll(Catalogue.decisions(root, markdown));
    Page landing = new Page(Page.Kind.LANDING, "", "billpay-gateway developer portal", null, "", true);
    pages.add(0, landing);

    Map<Path, Page> bySource = new HashMap<>();
    Map<Path, String> directories = new HashMap<>();
    for (Page page : pages) {
      if (page.kind() == Page.Kind.MARKDOWN || page.kind() == Page.Kind.REFERENCE) {
        bySource.put(page.source(), page);
      } else if (page.kind() == Page.Kind.DIRECTORY) {
        directories.put(page.source(), page.url());
      }
    }
    directories.put(Path.of("docs/tutorials"), "/docs#tutorials");
    List<String> problems = new ArrayList<>();
    RepositoryLinks links = new RepositoryLinks(root, bySource, directories, problems);
    Layout layout = new Layout(asset("layout.html"), sections);

    clean();
    StringBuilder manifest = new StringBuilder();
    for (Page page : pages) {
      String html = layout.page(page, head(page), content(page, sections, links));
      write(page.resource(), html);
      manifest.append(page.route()).append('\t').append(page.resource()).append('\n');
    }
    write("portal.css", asset("portal.css"));
    manifest.append("portal.css\tportal.css\n");
    write("pages.txt", manifest.toString());
    if (!problems.isEmpty()) {
      throw new IllegalStateException("broken links in the guides:\n  " + String.join("\n  ", problems));
    }
    return pages;
  }

  private String content(Page page, List<Section> sections, RepositoryLinks links) {
    return switch (page.kind()) {
      case MARKDOWN -> markdown.html(page, markdown.parse(Catalogue.read(root.resolve(page.source()))), links);
      case EVENT_CATALOGUE -> markdown.html(page,
          markdown.parse(EventCatalogue.markdown(Catalogue.read(root.resolve(page.source())))), links);
      case LANDING -> Landing.html(sections);
      case DIRECTORY -> Landing.directory(page, Catalogue.decisions(root, markdown));
      case REFERENCE -> asset("reference.html");
    };
  }

  private String head(Page page) {
    return page.kind() == Page.Kind.REFERENCE
        ? "<link rel=\"stylesheet\" href=\"/docs/assets/swagger-ui.css\">\n" : "";
  }

  private String asset(String name) {
    return Catalogue.read(root.resolve("src/portal/assets").resolve(name));
  }

  private void clean() throws IOException {
    if (Files.isDirectory(output)) {
      try (Stream<Path> files = Files.walk(output)) {
        for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(f);
        }
      }
    }
  }

  private void write(String name, String content) throws IOException {
    Path file = output.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
