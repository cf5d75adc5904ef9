package io.pyvider.bootstrap.daemon;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line of the daemon that takes over from a C1-only one: the same Java and JVM options (heap, archive,
 * netty settings, the launcher's own), without the flags that made the first daemon start fast or train an archive
 * (that daemon writes it when it exits), so the full tiered compiler runs.
 */
public final class SuccessorCommand {

  /** The first argument after {@code --daemon DIRECTORY BUILD_KEY} that makes a daemon a successor. */
  public static final String SUCCESSOR_FLAG = "--successor";

  private SuccessorCommand() {
  }

  /** True when these JVM options stop the JIT at C1: such a daemon hands over to a successor once warm-up may run. */
  public static boolean compilesWithC1Only(List<String> jvmOptions) {
    String last = null;
    for (String option : jvmOptions) {
      if (option.startsWith("-XX:TieredStopAtLevel=")) {
        last = option;
      }
    }
    return last != null && !last.equals("-XX:TieredStopAtLevel=4");
  }

  /** {@code java [options without the C1-only and archive-writing flags] -jar JAR --daemon DIR KEY --successor}. */
  public static List<String> of(String java, List<String> jvmOptions, String jar, String directory, String buildKey) {
    List<String> command = new ArrayList<>();
    command.add(java);
    for (String option : jvmOptions) {
      if (!option.startsWith("-XX:TieredStopAtLevel=") && !option.startsWith("-XX:ArchiveClassesAtExit=")) {
        command.add(option);
      }
    }
    command.addAll(List.of("-jar", jar, "--daemon", directory, buildKey, SUCCESSOR_FLAG));
    return command;
  }
}
