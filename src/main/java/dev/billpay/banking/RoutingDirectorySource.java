package dev.billpay.banking;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The routing directory this process validates with, and the file it comes from. {@link #reload()}
 * reads the file again and swaps the new directory in at once, so a validation sees the old one or
 * the new one, never half of each; a file that does not load leaves the old one in place.
 */
public final class RoutingDirectorySource implements Supplier<RoutingDirectory> {
  /** A directory and when it was read. */
  public record Loaded(RoutingDirectory directory, Instant loadedAt) {}

  private final Path file;
  private final Clock clock;
  private final AtomicReference<Loaded> current;

  private RoutingDirectorySource(Path file, Clock clock, Loaded first) {
    this.file = file;
    this.clock = clock;
    this.current = new AtomicReference<>(first);
  }

  /** Reads {@code configured} (blocking); empty means no directory: ABA rules only. */
  public static RoutingDirectorySource open(String configured, Clock clock) throws IOException {
    if (configured == null || configured.isEmpty()) {
      return new RoutingDirectorySource(null, clock, new Loaded(RoutingDirectory.empty(), clock.instant()));
    }
    Path file = Path.of(configured);
    return new RoutingDirectorySource(file, clock, new Loaded(RoutingDirectory.load(file), clock.instant()));
  }

  /** A fixed directory, for tests and tools that have no file. */
  public static RoutingDirectorySource fixed(RoutingDirectory directory) {
    Clock clock = Clock.systemUTC();
    return new RoutingDirectorySource(null, clock, new Loaded(directory, clock.instant()));
  }

  @Override
  public RoutingDirectory get() {
    return current.get().directory();
  }

  /** {@link RoutingDirectory#reachesByAch} on the directory in use now. */
  public boolean reachesByAch(String routingNumber) {
    return get().reachesByAch(routingNumber);
  }

  public Loaded current() {
    return current.get();
  }

  /** The configured file; empty when no directory is configured. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /**
   * Reads the file again and, if it loads, makes it the directory (blocking: call it off the event
   * loop). Without a configured file there is nothing to read and the current state is returned.
   *
   * @throws IOException the file could not be read or is malformed; the old directory stays
   */
  public synchronized Loaded reload() throws IOException {
    if (file == null) {
      return current.get();
    }
    Loaded loaded = new Loaded(RoutingDirectory.load(file), clock.instant());
    current.set(loaded);
    return loaded;
  }
}
