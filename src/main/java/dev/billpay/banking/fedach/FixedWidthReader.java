package dev.billpay.banking.fedach;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** FedACHdir.txt: one 155-character record a line, fields at the positions of {@link FedAchField}. */
final class FixedWidthReader {
  /** A Fedwire participant directory record (fpddir.txt) is this long: the other directory, not ours. */
  private static final int FEDWIRE_RECORD_LENGTH = 101;

  private FixedWidthReader() {}

  static FedAchDirectory read(String source, String text) throws FedAchDirectoryException {
    RecordCollector records = new RecordCollector();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (line.isBlank()) {
        continue;
      }
      String location = "line " + (i + 1);
      // the filler (151-155) may have lost its trailing spaces on the way; the data may not be cut
      if (line.length() < FedAchField.LAST_DATA_POSITION || line.length() > FedAchField.RECORD_LENGTH) {
        records.problem(location, "is " + line.length() + " characters long; a FedACH record is "
            + FedAchField.RECORD_LENGTH + (line.length() == FEDWIRE_RECORD_LENGTH
                ? " (101 is a Fedwire directory record: the gateway needs the FedACH participant file)" : ""));
        continue;
      }
      Map<FedAchField, String> raw = new EnumMap<>(FedAchField.class);
      for (FedAchField field : FedAchField.values()) {
        raw.put(field, field.cut(line));
      }
      records.record(location, raw, FixedWidthReader::label);
    }
    return records.finish(source, FedAchDirectory.Format.FIXED_WIDTH);
  }

  /** "positions 1-9 (routing number)", as the published layout names them. */
  private static String label(FedAchField field) {
    int last = field.position() + field.length() - 1;
    String positions = field.length() == 1 ? "position " + field.position()
        : "positions " + field.position() + "-" + last;
    return positions + " (" + field.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
  }
}
