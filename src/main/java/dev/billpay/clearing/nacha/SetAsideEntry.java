package dev.billpay.clearing.nacha;

import java.util.List;

/**
 * An entry the reader left out of its batch, as the ACH Operator rejects an entry (an addenda that
 * does not parse, an unknown return code, an addenda whose trace number is not its entry's, a wrong
 * check digit): the batch's controls still count it, the rest of the batch stands.
 *
 * @param line its entry detail record's line
 * @param traceNumber its trace number, or {@code null} when that field is unreadable
 * @param originalTrace the original trace number its return or NOC addenda names, when readable
 * @param amountCents its amount
 * @param problems what is wrong with it and its addenda, by line; never empty
 */
public record SetAsideEntry(int line, String traceNumber, String originalTrace, long amountCents,
    List<NachaProblem> problems) {
  public SetAsideEntry {
    problems = List.copyOf(problems);
  }
}
