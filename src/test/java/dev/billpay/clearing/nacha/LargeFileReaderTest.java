package dev.billpay.clearing.nacha;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("NACHA reader on a large file")
class LargeFileReaderTest {
  private static final int BATCHES = 100;
  private static final int ENTRIES_PER_BATCH = 998;

  @Test
  @DisplayName("streams a file of more than 100,000 lines that is never held as one string")
  void hundredThousandLines() throws IOException {
    GeneratedFile source = new GeneratedFile();
    NachaReadResult result = NachaReader.read(source);
    assertThat(result.problems()).isEmpty();
    NachaFile file = result.orElseThrow();
    assertThat(source.lines).isEqualTo(100_010);
    assertThat(file.batches()).hasSize(BATCHES);
    assertThat(file.entries()).hasSize(BATCHES * ENTRIES_PER_BATCH);
    assertThat(file.control().blockCount()).isEqualTo(10_001);
    // the source held one batch of text at a time, never the file
    assertThat(source.maxBuffered).isLessThanOrEqualTo((ENTRIES_PER_BATCH + 2) * 95);
  }

  /**
   * A valid file produced batch by batch as the reader asks for characters: at most one batch of
   * text exists at a time.
   */
  private static final class GeneratedFile extends Reader {
    private final FileHeader header = new FileHeader(" 091000019", "1234567890",
        LocalDate.of(2025, 9, 15), LocalTime.of(10, 30), 'A', "BANK", "BILLPAY", "");
    private final Deque<String> pending = new ArrayDeque<>();
    /** The batch controls added up, for the file control. */
    private BatchControl summed;
    private String current = "";
    private int position;
    private int batch;
    private boolean done;
    int lines;
    int maxBuffered;

    @Override
    public int read(char[] buffer, int offset, int length) {
      if (position == current.length() && !advance()) {
        return -1;
      }
      int count = Math.min(length, current.length() - position);
      current.getChars(position, position + count, buffer, offset);
      position += count;
      return count;
    }

    private boolean advance() {
      if (pending.isEmpty()) {
        refill();
      }
      if (pending.isEmpty()) {
        return false;
      }
      current = pending.poll() + "\n";
      position = 0;
      lines++;
      return true;
    }

    private void refill() {
      if (lines == 0) {
        pending.add(RecordFormat.fileHeader(header));
      } else if (batch < BATCHES) {
        batch++;
        Batch next = batch(batch);
        pending.add(RecordFormat.batchHeader(next.header()));
        next.entries().forEach(entry -> pending.add(RecordFormat.entry(entry)));
        pending.add(RecordFormat.batchControl(next.control()));
        maxBuffered = Math.max(maxBuffered, pending.size() * 95);
        summed = summed == null ? next.control() : add(summed, next.control());
      } else if (!done) {
        done = true;
        int records = lines + 1;
        int blocks = (records + 9) / 10;
        pending.add(RecordFormat.fileControl(new FileControl(BATCHES, blocks,
            summed.entryAddendaCount(), summed.entryHash(), summed.totalDebitCents(),
            summed.totalCreditCents())));
        for (int i = records; i < blocks * 10; i++) {
          pending.add(RecordFormat.PADDING);
        }
      }
    }

    private static BatchControl add(BatchControl a, BatchControl b) {
      return new BatchControl(a.serviceClass(), a.entryAddendaCount() + b.entryAddendaCount(),
          (a.entryHash() + b.entryHash()) % 10_000_000_000L,
          a.totalDebitCents() + b.totalDebitCents(), a.totalCreditCents() + b.totalCreditCents(),
          a.companyId(), a.odfiId(), a.batchNumber());
    }

    private static Batch batch(int number) {
      BatchHeader header = new BatchHeader(ServiceClass.DEBITS_ONLY, "BILLPAY", "", "1234567890",
          SecCode.WEB, "BILLPAY", "", LocalDate.of(2025, 9, 16), "", '1', NachaGen.ODFI, number);
      List<EntryDetail> entries = new ArrayList<>(ENTRIES_PER_BATCH);
      for (int i = 0; i < ENTRIES_PER_BATCH; i++) {
        long sequence = (long) number * ENTRIES_PER_BATCH + i;
        entries.add(new EntryDetail(TransactionCode.CHECKING_DEBIT, "021000021",
            Long.toString(10_000 + sequence), 100 + i, "", "CUSTOMER " + sequence, "S",
            NachaGen.trace(sequence), List.of()));
      }
      return new Batch(header, entries);
    }

    @Override
    public void close() {}
  }
}
