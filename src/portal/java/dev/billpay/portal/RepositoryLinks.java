package dev.billpay.portal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a link written in a markdown file of the repository goes in the portal. Relative links name repository
 * files, as on a code host; in the portal a markdown file that is a page becomes that page (its anchor kept), the
 * contract becomes the gateway's /openapi.yaml, and any other repository file is not served, so the link is dropped
 * and its text kept.
 */
final class RepositoryLinks {
  private final Path root;
  private final Map<Path, Page> pagesBySource;
  private final Map<Path, String> directories;
  private final List<String> problems;

  RepositoryLinks(Path root, Map<Path, Page> pagesBySource, Map<Path, String> directories, List<String> problems) {
    this.root = root;
    this.pagesBySource = pagesBySource;
    this.directories = directories;
    this.problems = problems;
  }

  /** The portal address of {@code destination} as written in {@code page}; empty: drop the link, keep its text. */
  Optional<String> resolve(Page page, String destination) {
    if (destination.isEmpty() || destination.startsWith("#") || destination.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")
        || destination.startsWith("/")) {
      return Optional.of(destination);
    }
    int hash = destination.indexOf('#');
    String path = hash < 0 ? destination : destination.substring(0, hash);
    String anchor = hash < 0 ? "" : destination.substring(hash);
    Path target = page.source().getParent() == null ? Path.of(path) : page.source().getParent().resolve(path);
    target = target.normalize();
    Page linked = pagesBySource.get(target);
    if (linked != null) {
      return Optional.of(linked.url() + anchor);
    }
    if (directories.containsKey(target)) {
      return Optional.of(directories.get(target) + anchor);
    }
    if (target.equals(Path.of("src/main/resources/openapi.yaml"))) {
      return Optional.of("/openapi.yaml");
    }
    if (!Files.exists(root.resolve(target)) && page.strict() && !Catalogue.OPTIONAL.contains(target)) {
      problems.add(page.source() + ": link to " + destination + ", but " + target + " does not exist");
    }
    return Optional.empty();
  }
}
