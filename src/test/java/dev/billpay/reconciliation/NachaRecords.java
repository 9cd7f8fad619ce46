package dev.billpay.reconciliation;

import java.util.ArrayList;
import java.util.List;

/**
 * Edits NACHA text the way a bank's own software writes it (other SEC codes, fields justified its way) and
 * closes the file again with a file control and padding that add up, so a test can build files our writer
 * never would.
 */
final class NachaRecords {
  private NachaRecords() {}

  /** The records of {@code text} without its file control and padding. */
  static List<String> withoutFileControl(String text) {
    List<String> records = new ArrayList<>();
    for (String line : text.split("\r?\n")) {
      if (line.startsWith("9")) {
        break;
      }
      records.add(line);
    }
    return records;
  }

  /** {@code line} with {@code value} written from 1-based {@code position} on. */
  static String put(String line, int position, String value) {
    return line.substring(0, position - 1) + value + line.substring(position - 1 + value.length());
  }

  /** A return batch of {@code sec} for one entry returning {@code originalTrace} (which we may not know). */
  static List<String> returnBatch(String sec, int batchNumber, String originalTrace, long amount, boolean badHash) {
    String rdfi = "02100002";
    String trace = rdfi + String.format("%07d", 900 + batchNumber);
    String odfi = originalTrace.substring(0, 8);
    String header = String.format("5225%-16s%-20s%-10s%s%-10s%-6s%s   1%s%07d", "CORNER STORE", "", "9876543210",
        sec, "PURCHASE", "", "000000", rdfi, batchNumber);
    String entry = String.format("626%s%s%-17s%010d%-15s%-22s  1%s", odfi, checkDigit(odfi), "4000123412341234",
        amount, "", "CARD HOLDER", trace);
    String addenda = String.format("799R03%s      %s%-44s%s", originalTrace, rdfi, "", trace);
    long hash = Long.parseLong(odfi) + (badHash ? 1 : 0);
    String control = String.format("8225%06d%010d%012d%012d%-10s%-25s%s%07d", 2, hash, amount, 0, "9876543210", "",
        rdfi, batchNumber);
    return List.of(header, entry, addenda, control);
  }

  /** The file: {@code records}, a file control computed from them and padding to a whole block. */
  static String close(List<String> records) {
    int batches = 0;
    int count = 0;
    long hash = 0;
    long debits = 0;
    long credits = 0;
    for (String r : records) {
      char type = r.charAt(0);
      batches += type == '5' ? 1 : 0;
      count += type == '6' || type == '7' ? 1 : 0;
      if (type == '6') {
        hash += Long.parseLong(r.substring(3, 11));
        long amount = Long.parseLong(r.substring(29, 39));
        if (r.charAt(2) >= '5') {
          debits += amount;
        } else {
          credits += amount;
        }
      }
    }
    int lines = records.size() + 1;
    int blocks = (lines + 9) / 10;
    StringBuilder out = new StringBuilder();
    records.forEach(r -> out.append(r).append('\n'));
    out.append(String.format("9%06d%06d%08d%010d%012d%012d%39s", batches, blocks, count, hash % 10_000_000_000L,
        debits, credits, "")).append('\n');
    for (int i = lines; i < blocks * 10; i++) {
      out.append("9".repeat(94)).append('\n');
    }
    return out.toString();
  }

  private static char checkDigit(String eight) {
    int[] weights = {3, 7, 1, 3, 7, 1, 3, 7};
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += (eight.charAt(i) - '0') * weights[i];
    }
    return (char) ('0' + (10 - sum % 10) % 10);
  }
}
