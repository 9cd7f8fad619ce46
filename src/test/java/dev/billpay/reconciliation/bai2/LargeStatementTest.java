package dev.billpay.reconciliation.bai2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("BAI2 reader on a large statement")
class LargeStatementTest {
  private static final int LINES = 100_000;
  /** 01, 02, 03 before the details; 49, 98, 99 after them. */
  private static final int DETAILS = LINES - 6;

  @Test
  @DisplayName("a 100,000-line statement streams through the reader, generated line by line")
  void readsHundredThousandLines() throws IOException {
    Bai2File file = Bai2Reader.read(new BufferedReader(new GeneratedStatement(false)));

    List<Transaction> transactions = file.transactions();
    assertThat(transactions).hasSize(DETAILS);
    assertThat(transactions.get(0).line()).isEqualTo(4);
    assertThat(transactions.get(DETAILS - 1).line()).isEqualTo(LINES - 3);
    assertThat(transactions.get(DETAILS - 1).text())
        .isEqualTo("WIRE " + (DETAILS - 1) + ", REF pay_" + (DETAILS - 1) + "/X");
    assertThat(transactions.stream().mapToLong(Transaction::amountMinor).sum())
        .isEqualTo(GeneratedStatement.total());
  }

  @Test
  @DisplayName("a wrong total at the end of a 100,000-line statement is reported on its line")
  void reportsProblemsByLineInLargeFiles() {
    assertThatThrownBy(() -> Bai2Reader.read(new BufferedReader(new GeneratedStatement(true))))
        .isInstanceOf(Bai2FormatException.class)
        .satisfies(e -> assertThat(((Bai2FormatException) e).problems()).containsExactly(
            new Bai2Problem(LINES - 2, "account_control_total", "is "
                + (GeneratedStatement.total() + 1) + " but the 03 and 16 amounts of the account"
                + " add up to " + GeneratedStatement.total())));
  }

  /**
   * A statement made up one line at a time as the reader asks for characters, so the test never
   * holds the file as one string either.
   */
  private static final class GeneratedStatement extends Reader {
    private static final long TOTAL = sumOfAmounts();

    private final boolean wrongAccountTotal;
    private int line;
    private String current = "";
    private int position;

    GeneratedStatement(boolean wrongAccountTotal) {
      this.wrongAccountTotal = wrongAccountTotal;
    }

    static long amount(int detail) {
      return 100 + detail % 9_900;
    }

    static long total() {
      return TOTAL;
    }

    private static long sumOfAmounts() {
      long total = 0;
      for (int i = 0; i < DETAILS; i++) {
        total += amount(i);
      }
      return total;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      if (position == current.length()) {
        if (line == LINES) {
          return -1;
        }
        current = line(++line) + "\n";
        position = 0;
      }
      int count = Math.min(length, current.length() - position);
      current.getChars(position, position + count, buffer, offset);
      position += count;
      return count;
    }

    private String line(int number) {
      long total = total();
      if (number == 1) {
        return "01,122099999,BILLPAY01,240315,0605,0042,,,2/";
      } else if (number == 2) {
        return "02,BILLPAY01,122099999,1,240314,2400,USD,2/";
      } else if (number == 3) {
        return "03,0001234567,USD/";
      } else if (number <= LINES - 3) {
        int detail = number - 4;
        return "16,195," + amount(detail) + ",0,FW" + detail + ",,WIRE " + detail + ", REF pay_"
            + detail + "/X";
      } else if (number == LINES - 2) {
        return "49," + (wrongAccountTotal ? total + 1 : total) + "," + (DETAILS + 2) + "/";
      } else if (number == LINES - 1) {
        return "98," + total + ",1," + (DETAILS + 4) + "/";
      }
      return "99," + total + ",1," + LINES + "/";
    }

    @Override
    public void close() {}
  }
}
