package dev.billpay.config;

/** How a process writes its log: one JSON object a line for log shippers, or one readable line for people. */
public enum LogFormat {
  TEXT,
  JSON
}
