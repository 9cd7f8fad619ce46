package dev.billpay.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The suite's report in markdown: the layout, each fault with what clients saw, readiness gaps, the checks. */
final class FaultReport {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);
  private final FaultSettings settings;
  private final Instant began;
  private final Instant loadStart;
  private final Instant loadEnd;
  private final List<FaultTarget.Outcome> outcomes;
  private final RetryingClients clients;
  private final List<ReadinessWatch.Gap> gaps;
  private final List<GatewayProcess> processes;
  private final Map<String, Long> figures;
  private final List<Verification.Check> checks;

  FaultReport(FaultSettings settings, Instant began, Instant loadStart, Instant loadEnd,
      List<FaultTarget.Outcome> outcomes, RetryingClients clients, List<ReadinessWatch.Gap> gaps,
      List<GatewayProcess> processes, Map<String, Long> figures, List<Verification.Check> checks) {
    this.settings = settings;
    this.began = began;
    this.loadStart = loadStart;
    this.loadEnd = loadEnd;
    this.outcomes = outcomes;
    this.clients = clients;
    this.gaps = gaps;
    this.processes = processes;
    this.figures = figures;
    this.checks = checks;
  }

  Path write() throws Exception {
    Files.createDirectories(settings.reportDir());
    Path file = settings.reportDir().resolve("faults-" + settings.mode() + "-" + STAMP.format(began) + ".md");
    Files.writeString(file, text());
    return file;
  }

  String text() {
    StringBuilder md = new StringBuilder();
    boolean passed = checks.stream().allMatch(Verification.Check::held);
    md.append("# Fault suite, ").append(settings.mode()).append(" layout: ").append(passed ? "every check held" :
        "CHECKS FAILED").append("\n\n");
    md.append(String.format(Locale.ROOT, "Run at %s UTC. %d well-behaved clients offering %.1f payments/s for %d s "
            + "(each failed request retried with the same Idempotency-Key and body); %d s of load before the first "
            + "fault, between faults and after the last. Processes: %s.%n%n",
        began.toString(), settings.clients(), settings.rate(), Duration.between(loadStart, loadEnd).toSeconds(),
        settings.settle().toSeconds(), processes.stream().map(GatewayProcess::name).collect(Collectors.joining(", "))));
    md.append("## Checks\n\n| | Promise | Detail |\n|---|---|---|\n");
    for (Verification.Check c : checks) {
      md.append("| ").append(c.held() ? "held" : "**FAILED**").append(" | ").append(c.promise()).append(" | ")
          .append(c.detail().replace("|", "\\|")).append(" |\n");
    }
    md.append("\n## Figures\n\n| | |\n|---|---:|\n");
    figures.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    md.append("\n## Faults, and what clients saw from the kill until 10 s after the target served again\n\n");
    md.append("| Killed | At (s into the load) | Served again after (s) | First try | Client outcomes |\n"
        + "|---|---:|---:|---|---|\n");
    for (FaultTarget.Outcome o : outcomes) {
      Instant until = o.recoveredAt() == null ? loadEnd : o.recoveredAt().plusSeconds(10);
      md.append(String.format(Locale.ROOT, "| %s | %.1f | %s | %s | %s |%n", o.target(),
          Duration.between(loadStart, o.killedAt()).toMillis() / 1000.0,
          o.recoveredAt() == null ? "did not: " + o.failure() : String.format(Locale.ROOT, "%.1f", o.downSeconds()),
          o.firstTry() ? "yes" : "no", outcomes(o.killedAt(), until)));
    }
    md.append("\nAll attempts of the run: ").append(outcomes(loadStart, loadEnd.plusSeconds(1))).append("\n");
    md.append("\n## Readiness gaps (`/health/ready` not 200, polled every 250 ms)\n\n");
    if (gaps.isEmpty()) {
      md.append("None.\n");
    } else {
      md.append("| Process | From (s into the load) | Lasted (s) | First answer |\n|---|---:|---:|---|\n");
      for (ReadinessWatch.Gap g : gaps) {
        String answer = g.firstAnswer().length() > 160 ? g.firstAnswer().substring(0, 160) + "..." : g.firstAnswer();
        md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %s |%n", g.process(),
            Duration.between(loadStart, g.from()).toMillis() / 1000.0, g.seconds(), answer.replace("|", "\\|")));
      }
    }
    md.append("\n## Gateway process starts\n\n| Process | Started at (UTC) | Attempts | Seconds to ready |\n"
        + "|---|---|---:|---:|\n");
    for (GatewayProcess p : processes) {
      for (GatewayProcess.Start s : p.starts()) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f |%n", p.name(), s.at(), s.attempts(), s.seconds()));
      }
    }
    return md.toString();
  }

  /** Attempt outcomes in [from, until), counted, e.g. "2xx 120, 503 dependency-unavailable 4". */
  private String outcomes(Instant from, Instant until) {
    Map<String, Long> counts = new TreeMap<>(clients.attempts().stream()
        .filter(a -> !a.at().isBefore(from) && a.at().isBefore(until))
        .collect(Collectors.groupingBy(RetryingClients.Attempt::outcome, Collectors.counting())));
    return counts.isEmpty() ? "no requests" : counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
