package io.pyvider.adapters.cli.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandardInputTest {

  private static final Path JAVA_HOME = Path.of("/usr/lib/jvm/java-17");

  @TempDir
  Path temporary;

  @Test
  void a_file_of_the_java_runtime_on_descriptor_zero_means_standard_input_was_closed() {
    assertTrue(StandardInput.problem(JAVA_HOME.resolve("lib/modules"), JAVA_HOME).orElseThrow()
        .startsWith("standard input is closed"));
  }

  @Test
  void a_directory_on_descriptor_zero_is_named() {
    assertTrue(StandardInput.problem(temporary, JAVA_HOME).orElseThrow()
        .startsWith("standard input is a directory (" + temporary + ")"));
  }

  @Test
  void pipes_files_and_devices_are_read() {
    assertEquals(Optional.empty(), StandardInput.problem(Path.of("pipe:[1234]"), JAVA_HOME));
    assertEquals(Optional.empty(), StandardInput.problem(Path.of("/dev/null"), JAVA_HOME));
    assertEquals(Optional.empty(), StandardInput.problem(Path.of("/home/me/terraform.tfstate"), JAVA_HOME));
  }
}
