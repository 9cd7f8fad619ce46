package dev.billpay.accounts;

import java.time.LocalDate;
import java.util.List;

/**
 * One attempt to validate an account: the entries it sends, and what became of them.
 *
 * @param creditAmounts the two micro-entry credits in cents (empty for other methods)
 * @param decideOn the day the outcome is decided when nothing else decided it: a prenote verifies
 *     on it when nothing came back; micro-entries not named by then have expired
 */
record AccountVerification(String id, String fundingAccountId, String clientId, VerificationMethod method,
    String status, List<Integer> creditAmounts, int attempts, List<String> traceNumbers, String clearingFileId,
    LocalDate settlementDate, LocalDate decideOn) {
  static final String AWAITING_FILE = "awaiting_file";
  static final String SENT = "sent";
  static final String VERIFIED = "verified";
  static final String FAILED = "failed";
  static final String SUPERSEDED = "superseded";
}
