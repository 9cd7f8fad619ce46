package dev.billpay.banking;

import dev.billpay.banking.fedach.FedAchDirectory;
import dev.billpay.banking.fedach.FedAchDirectoryReader;
import dev.billpay.banking.fedach.FedAchParticipant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The FedACH participants the gateway can debit, read from the Federal Reserve's E-Payments
 * Routing Directory (the fixed-width FedACHdir.txt or its JSON download). A routing number absent
 * from a loaded directory is not reachable by ACH. The empty directory means "none configured":
 * routing numbers are then checked by the ABA rules only.
 */
public final class RoutingDirectory {
  private static final RoutingDirectory EMPTY = new RoutingDirectory(Map.of(), null);

  private final Map<String, FedAchParticipant> participants;
  private final FedAchDirectory.Format format;

  private RoutingDirectory(Map<String, FedAchParticipant> participants, FedAchDirectory.Format format) {
    this.participants = Map.copyOf(participants);
    this.format = format;
  }

  /** A directory with no entries: membership is not checked. */
  public static RoutingDirectory empty() {
    return EMPTY;
  }

  /**
   * Reads a directory file in either published format, whichever it holds. Blocking.
   *
   * @throws IOException if the file cannot be read, or a
   *     {@link dev.billpay.banking.fedach.FedAchDirectoryException} naming the file and each
   *     malformed line or entry: the whole file is refused
   */
  public static RoutingDirectory load(Path file) throws IOException {
    return of(FedAchDirectoryReader.read(file.toString(), Files.readAllBytes(file)));
  }

  public static RoutingDirectory of(FedAchDirectory directory) {
    Map<String, FedAchParticipant> byNumber = new HashMap<>();
    directory.participants().forEach(p -> byNumber.put(p.routingNumber(), p));
    return new RoutingDirectory(byNumber, directory.format());
  }

  public boolean isEmpty() {
    return participants.isEmpty();
  }

  /** Whether the number is a FedACH participant (replaced numbers included: they are still listed). */
  public boolean contains(String routingNumber) {
    return routingNumber != null && participants.containsKey(routingNumber);
  }

  /**
   * Whether an ACH debit can reach the bank: always without a directory (nothing to check it by),
   * else when the directory lists it. A replaced number still reaches it: the Fed forwards its items.
   */
  public boolean reachesByAch(String routingNumber) {
    return isEmpty() || contains(routingNumber);
  }

  public Optional<FedAchParticipant> participant(String routingNumber) {
    return routingNumber == null ? Optional.empty() : Optional.ofNullable(participants.get(routingNumber));
  }

  /** The bank's name as the directory lists it. */
  public Optional<String> bankName(String routingNumber) {
    return participant(routingNumber).map(FedAchParticipant::customerName);
  }

  /** The number that replaced this one (record type 2), if it was replaced. */
  public Optional<String> replacement(String routingNumber) {
    return participant(routingNumber).flatMap(FedAchParticipant::replacedBy);
  }

  /** The format the directory was read in; empty for the empty directory. */
  public Optional<FedAchDirectory.Format> format() {
    return Optional.ofNullable(format);
  }

  public int size() {
    return participants.size();
  }

  /** How many listed numbers were replaced by another. */
  public long replacedCount() {
    return participants.values().stream().filter(p -> p.replacedBy().isPresent()).count();
  }

  /** Every routing number listed, for checking a directory file as a whole. */
  Set<String> routingNumbers() {
    return participants.keySet();
  }
}
