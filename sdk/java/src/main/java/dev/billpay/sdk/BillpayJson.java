package dev.billpay.sdk;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON mapping of the SDK's models: unknown fields ignored and unknown enum values UNKNOWN, for forward compatibility. */
public final class BillpayJson {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .configure(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE, true);

  private BillpayJson() {}

  /** A copy of the SDK's mapper, configured as it is (the copy can be changed without affecting the SDK). */
  public static ObjectMapper mapper() {
    return MAPPER.copy();
  }

  static ObjectMapper shared() {
    return MAPPER;
  }
}
