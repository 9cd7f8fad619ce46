package dev.billpay.sdk.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The SDK's generated sources")
class GeneratedSourcesTest {

  @Test
  @DisplayName("are exactly what the contract and the problem catalogue generate today (-Dsdk.regenerate=true rewrites them)")
  void matchTheContract() throws IOException {
    Path root = SdkGenerator.repositoryRoot();
    Path sources = root.resolve(SdkGenerator.SOURCES);
    Map<String, String> generated = SdkGenerator.generate(root);
    if (Boolean.getBoolean("sdk.regenerate")) {
      for (String dir : SdkGenerator.GENERATED_DIRS) {
        try (Stream<Path> files = Files.list(sources.resolve(dir))) {
          for (Path f : files.toList()) {
            Files.delete(f);
          }
        } catch (java.nio.file.NoSuchFileException e) {
          Files.createDirectories(sources.resolve(dir));
        }
      }
      for (Map.Entry<String, String> e : generated.entrySet()) {
        Files.createDirectories(sources.resolve(e.getKey()).getParent());
        Files.writeString(sources.resolve(e.getKey()), e.getValue());
      }
    }
    TreeSet<String> onDisk = new TreeSet<>();
    for (String dir : SdkGenerator.GENERATED_DIRS) {
      try (Stream<Path> files = Files.list(sources.resolve(dir))) {
        files.forEach(f -> onDisk.add(sources.relativize(f).toString().replace('\\', '/')));
      }
    }
    onDisk.add(SdkGenerator.API);
    assertThat(onDisk).as("generated files (stale or missing ones: regenerate, see sdk/java/README.md)")
        .containsExactlyElementsOf(new TreeSet<>(generated.keySet()));
    for (Map.Entry<String, String> e : generated.entrySet()) {
      assertThat(Files.readString(sources.resolve(e.getKey())))
          .as("%s differs from what the contract generates: regenerate (sdk/java/README.md)", e.getKey())
          .isEqualTo(e.getValue());
    }
  }
}
