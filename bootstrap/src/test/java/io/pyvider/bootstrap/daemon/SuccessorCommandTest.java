package io.pyvider.bootstrap.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuccessorCommandTest {

  @Test
  void the_successor_keeps_every_option_but_the_c1_only_and_archive_writing_ones() {
    List<String> options = List.of("-XX:ArchiveClassesAtExit=/cache/a.jsa.tmp", "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-Xmx160m", "-XX:SharedArchiveFile=/cache/b.jsa", "-Dio.netty.noUnsafe=true");
    assertEquals(List.of("/jdk/bin/java", "-XX:+UseSerialGC", "-Xmx160m", "-XX:SharedArchiveFile=/cache/b.jsa",
            "-Dio.netty.noUnsafe=true", "-jar", "/opt/p.jar", "--daemon", "/run/d", "key-1", "--successor"),
        SuccessorCommand.of("/jdk/bin/java", options, "/opt/p.jar", "/run/d", "key-1"));
  }

  @Test
  void only_a_daemon_whose_last_word_stops_the_jit_at_c1_hands_over() {
    assertTrue(SuccessorCommand.compilesWithC1Only(List.of("-Xmx1g", "-XX:TieredStopAtLevel=1")));
    // PYVIDER_JAVA_OPTS comes after the launcher's flags: its word wins.
    assertFalse(SuccessorCommand.compilesWithC1Only(List.of("-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=4")));
    assertTrue(SuccessorCommand.compilesWithC1Only(List.of("-XX:TieredStopAtLevel=4", "-XX:TieredStopAtLevel=3")));
    assertFalse(SuccessorCommand.compilesWithC1Only(List.of("-Xmx1g")));
  }
}
