package io.pyvider.adapters.cli;

/**
 * What {@code doctor} needs from the composition root: the environment checks and the end-to-end walk of a timed token
 * through the real provider binary over the real protocol. Implementations report each step as it finishes; they never
 * print and never throw for a failed check (a failed check is a step with {@code ok = false}).
 */
public interface ProviderSmokeTest {

  /** Checks what running the provider needs (Java, key configuration, the binary); false when the walk cannot run. */
  boolean checkEnvironment(Steps steps);

  /** Launches the provider binary exactly as Terraform would and walks a timed token from create to destroy. */
  void walk(Steps steps);

  /** Receives each finished step. */
  @FunctionalInterface
  interface Steps {
    void step(String name, boolean ok, String detail);

    /** A step that found something worth knowing but not wrong, such as a daemon that is not used: never fails. */
    default void warn(String name, String detail) {
      step(name, true, detail);
    }
  }
}
