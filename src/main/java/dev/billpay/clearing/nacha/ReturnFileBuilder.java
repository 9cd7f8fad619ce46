package dev.billpay.clearing.nacha;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds the file an RDFI (through its ACH operator) sends back for entries of one of our files:
 * returns (addenda 99) and notifications of change (COR batches, addenda 98). The tutorial and the
 * developer CLI use it to play the bank.
 *
 * <p>Following NACHA Appendix Four, a return or NOC entry copies the original entry's account,
 * amount (zero for a NOC), individual id and name, and gets:
 * <ul>
 *   <li>the return transaction code of the original's family ({@link TransactionCode#returnCode()}:
 *       27 comes back as 26, 37 as 36, 22 as 21, 32 as 31);
 *   <li>as receiving DFI the original ODFI, because the return travels to it;
 *   <li>a trace number of the returning RDFI, whose id also becomes the batch's originating DFI;
 *   <li>an addenda naming the original trace number and the original RDFI.
 * </ul>
 * Each batch copies the original batch header (company, description, dates), with COR as SEC code
 * for NOCs, the return date as effective date and the returning RDFI as originator. The file
 * comes back to the point the original went to: its Immediate Destination is the original's (a
 * space and the 9-digit routing number, the only form NACHA's layout has), its Immediate Origin
 * the routing number of the first returning RDFI in the same form.
 */
public final class ReturnFileBuilder {
  private final NachaFile original;
  /** By original trace number; {@code correctedData} is {@code null} for a return. */
  private final Map<String, Request> requests = new LinkedHashMap<>();

  private record Request(String code, String correctedData) {
    boolean isNotification() {
      return correctedData != null;
    }
  }

  /** Returns and NOCs travel in separate batches, one per original batch and returning RDFI. */
  private record GroupKey(int originalBatch, String returningRdfi, boolean notification) {}

  public ReturnFileBuilder(NachaFile original) {
    this.original = Objects.requireNonNull(original, "original");
  }

  /** Returns the entry with trace number {@code originalTrace} with reason {@code returnCode}. */
  public ReturnFileBuilder returnEntry(String originalTrace, String returnCode) {
    if (!ReturnCodes.isReturnCode(returnCode)) {
      throw new NachaFormatException("returnCode", "is not a NACHA return reason code");
    }
    claim(originalTrace);
    requests.put(originalTrace, new Request(returnCode, null));
    return this;
  }

  /**
   * Sends a notification of change for the entry with trace number {@code originalTrace}.
   *
   * @param correctedData the correct data, laid out as {@code changeCode} prescribes
   */
  public ReturnFileBuilder notifyChange(String originalTrace, String changeCode,
      String correctedData) {
    if (!ReturnCodes.isChangeCode(changeCode)) {
      throw new NachaFormatException("changeCode", "is not a NACHA change code");
    }
    Check.identifier(correctedData, 29, "correctedData");
    claim(originalTrace);
    requests.put(originalTrace, new Request(changeCode, correctedData));
    return this;
  }

  /** The return file, created at {@code createdAt} with {@code fileIdModifier}. */
  public NachaFile build(LocalDateTime createdAt, char fileIdModifier) {
    Set<String> unknown = new HashSet<>(requests.keySet());
    Map<GroupKey, List<EntryDetail>> groups = new LinkedHashMap<>();
    Map<GroupKey, BatchHeader> headers = new LinkedHashMap<>();
    int sequence = 1;
    for (Batch batch : original.batches()) {
      for (EntryDetail entry : batch.entries()) {
        Request request = requests.get(entry.traceNumber());
        if (request == null || !unknown.remove(entry.traceNumber())) {
          continue;
        }
        GroupKey key = new GroupKey(batch.header().batchNumber(), entry.rdfiId(),
            request.isNotification());
        headers.putIfAbsent(key, batch.header());
        groups.computeIfAbsent(key, k -> new ArrayList<>())
            .add(returned(batch.header(), entry, request, sequence++));
      }
    }
    if (!unknown.isEmpty()) {
      throw new NachaFormatException("originalTrace", unknown.size()
          + " trace number(s) are not in the original file");
    }
    List<Batch> batches = new ArrayList<>();
    for (Map.Entry<GroupKey, List<EntryDetail>> group : groups.entrySet()) {
      GroupKey key = group.getKey();
      batches.add(new Batch(header(headers.get(key), key, createdAt, batches.size() + 1,
          group.getValue()), group.getValue()));
    }
    FileHeader o = original.header();
    String origin = batches.isEmpty() ? o.immediateDestination()
        : FileHeader.routingField(batches.get(0).header().odfiId()
            + RoutingCheckDigit.of(batches.get(0).header().odfiId()));
    FileHeader header = new FileHeader(o.immediateDestination(), origin,
        createdAt.toLocalDate(), createdAt.toLocalTime(), fileIdModifier, o.destinationName(),
        "RETURNING RDFI", "");
    NachaFile file = new NachaFile(header, batches);
    NachaWriter.validate(file);
    return file;
  }

  private static EntryDetail returned(BatchHeader originalBatch, EntryDetail entry,
      Request request, int sequence) {
    if (entry.transactionCode().isReturnOrNotification()) {
      throw new NachaFormatException("originalTrace", "a return or NOC entry cannot be returned");
    }
    String seq = Integer.toString(sequence);
    String trace = entry.rdfiId() + "0".repeat(7 - seq.length()) + seq;
    String odfi = originalBatch.odfiId();
    boolean noc = request.isNotification();
    Addenda addenda = noc
        ? new Addenda.Correction(request.code(), entry.traceNumber(), entry.rdfiId(),
            request.correctedData())
        : new Addenda.Return(request.code(), entry.traceNumber(), null, entry.rdfiId(), "");
    return new EntryDetail(entry.transactionCode().returnCode(),
        odfi + RoutingCheckDigit.of(odfi), entry.accountNumber(), noc ? 0 : entry.amountCents(),
        entry.individualId(), entry.individualName(), entry.discretionaryData(), trace,
        List.of(addenda));
  }

  private static BatchHeader header(BatchHeader original, GroupKey key, LocalDateTime createdAt,
      int batchNumber, List<EntryDetail> entries) {
    ServiceClass serviceClass = ServiceClass.narrowest(
        entries.stream().map(EntryDetail::transactionCode).toList());
    return new BatchHeader(serviceClass, original.companyName(),
        original.companyDiscretionaryData(), original.companyId(),
        key.notification() ? SecCode.COR : original.secCode(), original.entryDescription(),
        original.descriptiveDate(), createdAt.toLocalDate(), "", original.originatorStatusCode(),
        key.returningRdfi(), batchNumber);
  }

  private void claim(String originalTrace) {
    Check.digits(originalTrace, 15, "originalTrace");
    if (requests.containsKey(originalTrace)) {
      throw new NachaFormatException("originalTrace", "is already returned or corrected");
    }
  }
}
