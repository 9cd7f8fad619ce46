package dev.billpay.clearing.nacha;

/**
 * The company's settlement account, which receives the offsetting entry of each batch in a
 * balanced file: a credit (22 or 32) for the batch's net debits.
 *
 * @param routingNumber the 9-digit routing number of the settlement account's bank
 * @param accountNumber the settlement account number
 * @param savings whether it is a savings account (codes 32/37) rather than checking (22/27)
 */
public record OffsetAccount(String routingNumber, String accountNumber, boolean savings) {
  public OffsetAccount {
    Check.digits(routingNumber, 9, "offset.routingNumber");
    if (!RoutingCheckDigit.isValid(routingNumber)) {
      throw new NachaFormatException("offset.routingNumber", "check digit does not match");
    }
    Check.identifier(accountNumber, 17, "offset.accountNumber");
  }
}
