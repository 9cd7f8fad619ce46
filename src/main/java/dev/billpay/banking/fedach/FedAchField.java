package dev.billpay.banking.fedach;

/**
 * The fields of a FedACH participant record, with their place in the fixed-width file
 * (FedACHdir.txt: 155 characters a record, positions counted from 1 as the Federal Reserve
 * publishes them) and their name in the E-Payments Routing Directory's JSON download. One table
 * serves both readers, so a record means the same whichever format it came in.
 */
public enum FedAchField {
  ROUTING_NUMBER(1, 9, "routingNumber"),
  /** O = main office, B = branch. */
  OFFICE_CODE(10, 1, "officeCode"),
  /** The routing number of the Federal Reserve Bank office that serves the institution. */
  SERVICING_FRB_NUMBER(11, 9, "servicingFRBNumber"),
  /**
   * The number to send ACH items to: 0 = the institution is a Federal Reserve Bank, 1 = send
   * items to this routing number, 2 = send items to the one in {@link #NEW_ROUTING_NUMBER}.
   */
  RECORD_TYPE_CODE(20, 1, "recordTypeCode"),
  /** The date the record last changed, MMDDYY. */
  CHANGE_DATE(21, 6, "changeDate"),
  /** The number that replaced this one after a merger or renumbering; 000000000 when none. */
  NEW_ROUTING_NUMBER(27, 9, "newRoutingNumber"),
  CUSTOMER_NAME(36, 36, "customerName"),
  ADDRESS(72, 36, "customerAddress"),
  CITY(108, 20, "customerCity"),
  STATE_CODE(128, 2, "customerState"),
  ZIP_CODE(130, 5, "customerZip"),
  ZIP_EXTENSION(135, 4, "customerZipExt"),
  TELEPHONE_AREA_CODE(139, 3, "customerAreaCode"),
  TELEPHONE_PREFIX(142, 3, "customerPhonePrefix"),
  TELEPHONE_SUFFIX(145, 4, "customerPhoneSuffix"),
  /** 1 = receives government and commercial entries. */
  INSTITUTION_STATUS_CODE(149, 1, "institutionStatusCode"),
  /** 1 = current view. */
  DATA_VIEW_CODE(150, 1, "dataViewCode");

  /** Every record is this long; positions 151-155 are filler (spaces). */
  public static final int RECORD_LENGTH = 155;
  /** The last position that carries data: a record whose filler was trimmed is still this long. */
  public static final int LAST_DATA_POSITION = 150;

  private final int position;
  private final int length;
  private final String jsonName;

  FedAchField(int position, int length, String jsonName) {
    this.position = position;
    this.length = length;
    this.jsonName = jsonName;
  }

  /** First position, counted from 1. */
  public int position() {
    return position;
  }

  public int length() {
    return length;
  }

  public String jsonName() {
    return jsonName;
  }

  /** This field's characters in a fixed-width record at least {@link #LAST_DATA_POSITION} long. */
  String cut(String record) {
    return record.substring(position - 1, position - 1 + length);
  }
}
