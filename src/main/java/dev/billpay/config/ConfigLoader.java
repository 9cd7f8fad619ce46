package dev.billpay.config;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the effective configuration: the defaults of {@code conf/application.json} with every
 * leaf overridable by an environment variable named {@code BILLPAY_<PATH>} (dots and dashes become
 * underscores, e.g. {@code kafka.bootstrap-servers} is {@code BILLPAY_KAFKA_BOOTSTRAP_SERVERS}).
 *
 * <p>The defaults file is the single list of keys: an environment variable can only override a
 * key that exists there, and its value is parsed as the type of the default.
 */
public final class ConfigLoader {

  static final String ENV_PREFIX = "BILLPAY_";
  static final String CONFIG_FILE_ENV = "BILLPAY_CONFIG";
  private static final Path DEFAULT_FILE = Path.of("conf", "application.json");

  private ConfigLoader() {}

  /** Loads from the file named by BILLPAY_CONFIG, else conf/application.json, else the jar's copy. */
  public static GatewayConfig load(Map<String, String> env) {
    JsonObject defaults = readDefaults(env);
    List<String> problems = new ArrayList<>();
    JsonObject effective = applyEnvironment(defaults, env, problems);
    return GatewayConfig.from(effective, problems);
  }

  /** Loads the given JSON tree with the environment applied; used by tests to build variants. */
  public static GatewayConfig load(JsonObject defaults, Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    JsonObject effective = applyEnvironment(defaults, env, problems);
    return GatewayConfig.from(effective, problems);
  }

  /** The bundled defaults, as shipped in the jar (a copy of conf/application.json). */
  public static JsonObject bundledDefaults() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream("/application.json")) {
      if (in == null) {
        throw new ConfigException(List.of("application.json is missing from the classpath"));
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException(List.of("cannot read bundled application.json: " + e.getMessage()));
    }
  }

  private static JsonObject readDefaults(Map<String, String> env) {
    String explicit = env.get(CONFIG_FILE_ENV);
    Path file = explicit != null && !explicit.isBlank() ? Path.of(explicit) : DEFAULT_FILE;
    if (!Files.isRegularFile(file)) {
      if (explicit != null && !explicit.isBlank()) {
        throw new ConfigException(List.of(CONFIG_FILE_ENV + ": no such file " + file));
      }
      return bundledDefaults();
    }
    try {
      return new JsonObject(Files.readString(file));
    } catch (IOException | DecodeException e) {
      throw new ConfigException(List.of(file + ": not valid JSON (" + e.getMessage() + ")"));
    }
  }

  static JsonObject applyEnvironment(JsonObject defaults, Map<String, String> env, List<String> problems) {
    JsonObject copy = defaults.copy();
    override(copy, "", env, problems);
    return copy;
  }

  private static void override(JsonObject node, String path, Map<String, String> env, List<String> problems) {
    for (String key : node.fieldNames()) {
      Object value = node.getValue(key);
      String keyPath = path.isEmpty() ? key : path + "." + key;
      if (value instanceof JsonObject child) {
        override(child, keyPath, env, problems);
        continue;
      }
      String envName = envName(keyPath);
      String raw = env.get(envName);
      if (raw == null) {
        continue;
      }
      if (value instanceof Number) {
        try {
          node.put(key, Long.parseLong(raw.trim()));
        } catch (NumberFormatException e) {
          problems.add(envName + ": expected an integer, got '" + raw + "'");
        }
      } else if (value instanceof Boolean) {
        String v = raw.trim().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
          node.put(key, Boolean.parseBoolean(v));
        } else {
          problems.add(envName + ": expected true or false, got '" + raw + "'");
        }
      } else {
        node.put(key, raw);
      }
    }
  }

  /** The environment variable that overrides a dotted config key. */
  public static String envName(String keyPath) {
    return ENV_PREFIX + keyPath.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}
