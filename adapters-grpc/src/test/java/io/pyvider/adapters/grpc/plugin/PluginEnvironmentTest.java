package io.pyvider.adapters.grpc.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.port.out.Environment;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** go-plugin's port range as its server reads it: defaults when unset, a clear refusal when unusable. */
class PluginEnvironmentTest {

  private static PluginEnvironment read(Map<String, String> variables) {
    return PluginEnvironment.read(Environment.of(variables));
  }

  @Test
  void unset_or_empty_bounds_take_terraforms_defaults() {
    PluginEnvironment unset = read(Map.of());
    assertEquals(10000, unset.minPort());
    assertEquals(25000, unset.maxPort());
    assertEquals(Optional.empty(), unset.portProblem());
    assertEquals(Optional.empty(), read(Map.of("PLUGIN_MIN_PORT", "", "PLUGIN_MAX_PORT", " ")).portProblem());
  }

  @Test
  void a_valid_range_is_used_as_given() {
    PluginEnvironment range = read(Map.of("PLUGIN_MIN_PORT", "30000", "PLUGIN_MAX_PORT", "30010"));
    assertEquals(30000, range.minPort());
    assertEquals(30010, range.maxPort());
    assertEquals(Optional.empty(), range.portProblem());
  }

  @Test
  void a_minimum_above_the_maximum_is_refused_in_go_plugins_words() {
    assertEquals(Optional.of("PLUGIN_MIN_PORT value of 30000 is greater than PLUGIN_MAX_PORT value of 20000"),
        read(Map.of("PLUGIN_MIN_PORT", "30000", "PLUGIN_MAX_PORT", "20000")).portProblem());
  }

  @Test
  void garbage_and_out_of_range_bounds_are_refused_naming_the_variable() {
    for (Map<String, String> bad : new Map[] {Map.of("PLUGIN_MIN_PORT", "ten"), Map.of("PLUGIN_MAX_PORT", "70000"),
        Map.of("PLUGIN_MIN_PORT", "-1"), Map.of("PLUGIN_MAX_PORT", "1\u001b[2J")}) {
      String problem = read(bad).portProblem().orElseThrow(() -> new AssertionError("accepted " + bad));
      assertTrue(problem.startsWith("Couldn't get value from " + bad.keySet().iterator().next()), problem);
      assertTrue(problem.chars().noneMatch(Character::isISOControl), "control characters reach the terminal");
    }
  }

  @Test
  void only_ascii_digits_make_a_port_as_in_go() {
    // Java's parseInt reads Arabic-Indic and fullwidth digits; Go's strconv.ParseInt, which go-plugin uses, does not.
    for (String digits : new String[] {"\u0661\u0660\u0660\u0660\u0660", "\uff11\uff10\uff10\uff10\uff10", "1_0000"}) {
      assertEquals(Optional.of("Couldn't get value from PLUGIN_MIN_PORT: \"" + digits + "\" is not a number"),
          read(Map.of("PLUGIN_MIN_PORT", digits)).portProblem(), digits);
    }
    assertEquals(12000, read(Map.of("PLUGIN_MIN_PORT", "+12000")).minPort(), "Go accepts a sign");
  }
}
