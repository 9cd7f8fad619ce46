package dev.billpay.clearing.nacha;

import java.util.List;

/**
 * A batch the reader set aside, as the ACH Operator rejects a batch (an unknown service class, a
 * batch control whose count, hash or totals do not add up, an entry that cannot be counted): none
 * of its entries is in the file read, the other batches are.
 *
 * @param firstLine its batch header's line
 * @param lastLine its batch control's line
 * @param secCode positions 51-53 of its header as written
 * @param batchNumber positions 88-94 of its header as written
 * @param entries the entry detail records it held
 * @param problems every problem found in it, by line; never empty
 */
public record SetAsideBatch(int firstLine, int lastLine, String secCode, String batchNumber,
    int entries, List<NachaProblem> problems) {
  public SetAsideBatch {
    problems = List.copyOf(problems);
  }
}
