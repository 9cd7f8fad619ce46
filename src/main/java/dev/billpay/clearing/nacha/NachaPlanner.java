package dev.billpay.clearing.nacha;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Lays payment orders out in NACHA files: one batch per (company id, SEC code, effective date)
 * per file, trace numbers from the caller's sequence, an optional offsetting entry per batch, and
 * as many files as needed so that none has more than {@link Settings#maxLines()} lines counting
 * headers, controls and padding. A batch that does not fit continues in the next file.
 */
public final class NachaPlanner {
  /** At most 10,000 lines per file: larger files are refused by many ODFIs, so a run splits them. */
  public static final int MAX_LINES = 10_000;
  /** The 7-digit sequence part of a trace number. */
  public static final long MAX_TRACE_SEQUENCE = 9_999_999;

  /**
   * What every planned file shares.
   *
   * @param odfiId the first 8 digits of our ODFI's routing number, which starts every trace
   * @param offset the settlement account for balanced files, or {@code null} for unbalanced ones
   * @param maxLines lines per file including padding: a multiple of 10 up to {@link #MAX_LINES}
   */
  public record Settings(String immediateDestination, String immediateOrigin,
      String destinationName, String originName, String referenceCode, LocalDateTime createdAt,
      String odfiId, OffsetAccount offset, int maxLines) {
    public Settings {
      new FileHeader(immediateDestination, immediateOrigin, createdAt.toLocalDate(),
          createdAt.toLocalTime(), 'A', destinationName, originName, referenceCode);
      Check.digits(odfiId, 8, "odfiId");
      if (maxLines < 10 || maxLines > MAX_LINES || maxLines % FileControl.BLOCKING_FACTOR != 0) {
        throw new NachaFormatException("maxLines", "must be a multiple of 10 from 10 to 10000");
      }
    }

    FileHeader header(char fileIdModifier) {
      return new FileHeader(immediateDestination, immediateOrigin, createdAt.toLocalDate(),
          createdAt.toLocalTime(), fileIdModifier, destinationName, originName, referenceCode);
    }
  }

  /** One file of the plan and the trace number each order in it received, by reference. */
  public record PlannedFile(NachaFile file, Map<String, String> traceNumbers) {
    public PlannedFile {
      traceNumbers = Map.copyOf(traceNumbers);
    }
  }

  /** The files, and the trace sequence number the caller should use next. */
  public record Plan(List<PlannedFile> files, long nextTraceSequence) {
    public Plan {
      files = List.copyOf(files);
    }
  }

  private NachaPlanner() {}

  /**
   * Plans {@code orders} into files named by {@code fileIdModifiers}, in order; the caller makes
   * sure the modifiers are unused today for this destination. Trace sequences start at
   * {@code firstTraceSequence} and run on across files, so trace numbers stay unique as long as
   * the caller persists {@link Plan#nextTraceSequence()}.
   *
   * @throws NachaFormatException when an order cannot be written (every planned file is checked
   *     by the writer), the modifiers run out, or the trace sequence passes 9,999,999
   */
  public static Plan plan(List<PaymentOrder> orders, Settings settings,
      List<Character> fileIdModifiers, long firstTraceSequence) {
    checkModifiers(fileIdModifiers);
    checkReferences(orders);
    Check.range(firstTraceSequence, MAX_TRACE_SEQUENCE, "firstTraceSequence");
    FileLayout layout = new FileLayout(settings, fileIdModifiers, firstTraceSequence);
    for (List<PaymentOrder> group : groups(orders)) {
      layout.add(group);
    }
    List<PlannedFile> files = layout.finish();
    for (PlannedFile file : files) {
      NachaWriter.validate(file.file());
    }
    return new Plan(files, layout.nextTraceSequence());
  }

  /** Orders grouped by batch key, groups by effective date, company id, SEC code, entry description. */
  private static List<List<PaymentOrder>> groups(List<PaymentOrder> orders) {
    Map<CompanyBatch.Key, List<PaymentOrder>> groups = new LinkedHashMap<>();
    for (PaymentOrder order : orders) {
      List<PaymentOrder> group = groups.computeIfAbsent(order.batch().key(),
          key -> new ArrayList<>());
      if (!group.isEmpty() && !group.get(0).batch().equals(order.batch())) {
        throw new NachaFormatException("batch", "orders with the same company id, SEC code, "
            + "effective date and entry description must carry the same batch header fields");
      }
      group.add(order);
    }
    Comparator<CompanyBatch.Key> order = Comparator
        .comparing(CompanyBatch.Key::effectiveEntryDate)
        .thenComparing(CompanyBatch.Key::companyId)
        .thenComparing(CompanyBatch.Key::secCode)
        .thenComparing(CompanyBatch.Key::entryDescription);
    return groups.entrySet().stream().sorted(Map.Entry.comparingByKey(order))
        .map(Map.Entry::getValue).toList();
  }

  private static void checkModifiers(List<Character> modifiers) {
    Set<Character> seen = new HashSet<>();
    for (Character modifier : modifiers) {
      if (!FileHeader.isFileIdModifier(Objects.requireNonNull(modifier)) || !seen.add(modifier)) {
        throw new NachaFormatException("fileIdModifiers", "must be distinct, A-Z or 0-9");
      }
    }
  }

  private static void checkReferences(List<PaymentOrder> orders) {
    Set<String> seen = new HashSet<>();
    for (PaymentOrder order : orders) {
      if (!seen.add(order.reference())) {
        throw new NachaFormatException("reference", "appears on more than one order");
      }
    }
  }
}
