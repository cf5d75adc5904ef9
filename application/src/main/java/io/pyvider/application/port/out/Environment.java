package io.pyvider.application.port.out;

import java.util.Map;
import java.util.Optional;

/**
 * The environment variables of the Terraform run this provider serves. Read through this port only, so one JVM
 * could serve several runs, each with its own environment.
 */
public interface Environment {

  Optional<String> get(String name);

  /** Every variable, as an unmodifiable map. */
  Map<String, String> snapshot();

  /** A fixed environment, for tests and for the composition root. */
  static Environment of(Map<String, String> variables) {
    Map<String, String> copy = Map.copyOf(variables);
    return new Environment() {
      @Override
      public Optional<String> get(String name) {
        return Optional.ofNullable(copy.get(name));
      }

      @Override
      public Map<String, String> snapshot() {
        return copy;
      }
    };
  }
}
