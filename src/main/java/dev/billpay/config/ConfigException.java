package dev.billpay.config;

import java.util.List;

/** Invalid configuration: carries one line per problem so start-up can fail fast and clearly. */
public final class ConfigException extends RuntimeException {
  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
