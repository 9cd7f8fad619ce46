package dev.billpay.sdk.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One exception class per problem type of the gateway's catalogue (dev.billpay.shared.ProblemType, read as
 * source text so that the SDK's build needs nothing of the gateway), and ProblemExceptions, which picks the
 * class for a problem document.
 */
final class ProblemsWriter {
  private static final Pattern CONSTANT = Pattern.compile(
      "(?:/\\*\\*((?:(?!\\*/).)*)\\*/\\s*)?\\b([A-Z_]+)\\((\\d{3}),\\s*\"([a-z-]+)\",\\s*\"([^\"]*)\"\\)",
      Pattern.DOTALL);

  record Type(String slug, int status, String title, String doc) {
    String className() {
      return JavaNames.type(slug) + "Exception";
    }

    String family() {
      return status >= 500 ? "ServerProblemException" : "ClientProblemException";
    }
  }

  static List<Type> parse(String problemTypeSource) {
    List<Type> types = new ArrayList<>();
    Matcher m = CONSTANT.matcher(problemTypeSource);
    while (m.find()) {
      String doc = m.group(1) == null ? "" : m.group(1).replaceAll("\\s*\\n\\s*\\*\\s?", " ").strip();
      types.add(new Type(m.group(4), Integer.parseInt(m.group(3)), m.group(5), doc));
    }
    if (types.isEmpty()) {
      throw new IllegalStateException("no problem types found in ProblemType.java");
    }
    return types;
  }

  static Map<String, String> files(List<Type> types) {
    Map<String, String> files = new TreeMap<>();
    for (Type t : types) {
      files.put(t.className(), exception(t));
    }
    files.put("ProblemExceptions", registry(types));
    return files;
  }

  private static String exception(Type t) {
    return "import dev.billpay.sdk." + t.family() + ";\nimport dev.billpay.sdk.model.Problem;\nimport java.time.Duration;\n\n"
        + "/**\n * " + t.status() + " {@code " + t.slug() + "}: " + JavaNames.doc(t.title()) + "."
        + (t.doc().isEmpty() ? "" : " " + JavaNames.doc(t.doc())) + "\n */\n"
        + "public final class " + t.className() + " extends " + t.family() + " {\n"
        + "  /** The problem type's slug, the last segment of its {@code type} URI. */\n"
        + "  public static final String SLUG = \"" + t.slug() + "\";\n\n"
        + "  public " + t.className() + "(Problem problem, String requestId, Duration retryAfter, int attempts) {\n"
        + "    super(problem, requestId, retryAfter, attempts);\n  }\n}\n";
  }

  private static String registry(List<Type> types) {
    StringBuilder out = new StringBuilder();
    out.append("import dev.billpay.sdk.BillpayProblemException;\nimport dev.billpay.sdk.ClientProblemException;\n")
        .append("import dev.billpay.sdk.ServerProblemException;\nimport dev.billpay.sdk.model.Problem;\n")
        .append("import java.time.Duration;\n\n");
    out.append("/** The exception class of each problem type; a type this SDK does not know gets its status family's. */\n");
    out.append("public final class ProblemExceptions {\n  private ProblemExceptions() {}\n\n");
    out.append("  /** The exception for a problem document, by the last segment of its {@code type}. */\n");
    out.append("  public static BillpayProblemException of(Problem problem, String requestId, Duration retryAfter, int attempts) {\n");
    out.append("    String type = problem.type() == null ? \"\" : problem.type();\n");
    out.append("    switch (type.substring(type.lastIndexOf('/') + 1)) {\n");
    for (Type t : types) {
      out.append("      case ").append(t.className()).append(".SLUG:\n        return new ").append(t.className())
          .append("(problem, requestId, retryAfter, attempts);\n");
    }
    out.append("      default:\n        return problem.status() != null && problem.status() >= 500\n")
        .append("            ? new ServerProblemException(problem, requestId, retryAfter, attempts)\n")
        .append("            : new ClientProblemException(problem, requestId, retryAfter, attempts);\n    }\n  }\n}\n");
    return out.toString();
  }
}
