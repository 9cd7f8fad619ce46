package dev.billpay.config;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** Typed, validated reads from the config tree; every problem is collected, none thrown early. */
final class ConfigReader {
  private final JsonObject root;
  private final List<String> problems;

  ConfigReader(JsonObject root, List<String> problems) {
    this.root = root;
    this.problems = problems;
  }

  String string(String path) {
    Object v = raw(path);
    if (v == null) {
      return "";
    }
    if (!(v instanceof String s)) {
      problems.add(path + " (" + ConfigLoader.envName(path) + "): expected a string");
      return "";
    }
    return s.trim();
  }

  int integer(String path, int min, int max) {
    Object v = raw(path);
    if (!(v instanceof Number n)) {
      problems.add(path + " (" + ConfigLoader.envName(path) + "): expected an integer");
      return min;
    }
    long l = n.longValue();
    if (l < min || l > max) {
      problems.add(path + " (" + ConfigLoader.envName(path) + "): " + l + " is outside " + min + ".." + max);
      return min;
    }
    return (int) l;
  }

  long longInteger(String path, long min, long max) {
    Object v = raw(path);
    if (!(v instanceof Number n)) {
      problems.add(path + " (" + ConfigLoader.envName(path) + "): expected an integer");
      return min;
    }
    long l = n.longValue();
    if (l < min || l > max) {
      problems.add(path + " (" + ConfigLoader.envName(path) + "): " + l + " is outside " + min + ".." + max);
      return min;
    }
    return l;
  }

  boolean bool(String path) {
    Object v = raw(path);
    if (!(v instanceof Boolean b)) {
      problems.add(path + " (" + ConfigLoader.envName(path) + "): expected true or false");
      return false;
    }
    return b;
  }

  int port(String path) {
    return integer(path, 1, 65535);
  }

  void problem(String path, String message) {
    problems.add(path + " (" + ConfigLoader.envName(path) + "): " + message);
  }

  private Object raw(String path) {
    String[] parts = path.split("\\.");
    JsonObject node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      Object child = node.getValue(parts[i]);
      if (!(child instanceof JsonObject obj)) {
        problems.add(path + ": missing section '" + parts[i] + "'");
        return null;
      }
      node = obj;
    }
    if (!node.containsKey(parts[parts.length - 1])) {
      problems.add(path + ": missing key");
      return null;
    }
    return node.getValue(parts[parts.length - 1]);
  }
}
