package io.pyvider.domain.terraform.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.domain.terraform.cty.AttributePath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DiagnosticsTest {

  private static final Diagnostic WARNING = Diagnostic.warning("careful", "detail");
  private static final Diagnostic ERROR = Diagnostic.error(AttributePath.attribute("name"), "bad", "fix it");

  @Test
  void none_is_empty_and_has_no_errors() {
    assertTrue(Diagnostics.NONE.isEmpty());
    assertFalse(Diagnostics.NONE.hasErrors());
    assertEquals(List.of(), Diagnostics.NONE.asList());
  }

  @Test
  void warnings_alone_are_not_errors() {
    Diagnostics warnings = Diagnostics.of(WARNING, Diagnostic.warning(AttributePath.attribute("x"), "w", null));

    assertFalse(warnings.isEmpty());
    assertFalse(warnings.hasErrors());
  }

  @Test
  void one_error_among_warnings_is_enough_for_has_errors() {
    assertTrue(Diagnostics.of(WARNING, ERROR).hasErrors());
    assertTrue(Diagnostics.of(List.of(ERROR)).hasErrors());
  }

  @Test
  void plus_appends_in_order_and_leaves_the_original_unchanged() {
    Diagnostics warningOnly = Diagnostics.of(WARNING);

    Diagnostics both = warningOnly.plus(ERROR);

    assertEquals(List.of(WARNING, ERROR), both.asList());
    assertEquals(List.of(WARNING), warningOnly.asList());
    assertFalse(warningOnly.hasErrors());
    assertTrue(both.hasErrors());
  }

  @Test
  void plus_of_another_list_appends_all_of_it() {
    Diagnostic another = Diagnostic.error("x", "y");

    Diagnostics all = Diagnostics.of(WARNING).plus(Diagnostics.of(ERROR, another));

    assertEquals(List.of(WARNING, ERROR, another), all.asList());
  }

  @Test
  void plus_of_nothing_is_the_same_list() {
    Diagnostics some = Diagnostics.of(WARNING);

    assertSame(some, some.plus(Diagnostics.NONE));
    assertEquals(some, Diagnostics.NONE.plus(some));
  }

  @Test
  void diagnostics_lists_are_equal_when_their_items_are() {
    assertEquals(Diagnostics.of(WARNING, ERROR), Diagnostics.NONE.plus(WARNING).plus(ERROR));
    assertEquals(Diagnostics.of(WARNING, ERROR).hashCode(), Diagnostics.NONE.plus(WARNING).plus(ERROR).hashCode());
    assertFalse(Diagnostics.of(ERROR, WARNING).equals(Diagnostics.of(WARNING, ERROR)));
  }

  @Test
  void the_list_cannot_be_modified_from_outside() {
    List<Diagnostic> source = new ArrayList<>(List.of(WARNING));
    Diagnostics copy = Diagnostics.of(source);
    source.add(ERROR);

    assertEquals(1, copy.asList().size());
    assertThrows(UnsupportedOperationException.class, () -> copy.asList().add(ERROR));
  }

  @Test
  void it_prints_as_the_list_of_its_items_for_logs_and_failed_assertions() {
    assertEquals("[" + WARNING + ", " + ERROR + "]", Diagnostics.of(WARNING, ERROR).toString());
    assertEquals("[]", Diagnostics.NONE.toString());
  }

  @Test
  void it_iterates_over_its_items() {
    List<Diagnostic> seen = new ArrayList<>();
    Diagnostics.of(WARNING, ERROR).forEach(seen::add);

    assertEquals(List.of(WARNING, ERROR), seen);
  }

  @Test
  void a_diagnostic_defaults_to_the_root_path_and_an_empty_detail() {
    Diagnostic bare = new Diagnostic(Severity.WARNING, "summary", null, null);

    assertEquals(AttributePath.ROOT, bare.path());
    assertEquals("", bare.detail());
    assertFalse(bare.isError());
    assertEquals(AttributePath.ROOT, Diagnostic.error("s", "d").path());
  }

  @Test
  void the_factories_set_severity_and_path() {
    assertEquals(Severity.ERROR, ERROR.severity());
    assertEquals(AttributePath.attribute("name"), ERROR.path());
    assertTrue(ERROR.isError());
    assertEquals(Severity.WARNING, WARNING.severity());
    assertEquals("fix it", ERROR.detail());
  }

  @Test
  void each_factory_builds_its_severity_with_the_given_path_or_the_root() {
    AttributePath name = AttributePath.attribute("name");

    assertEquals(new Diagnostic(Severity.ERROR, "bad", "fix it", name), Diagnostic.error(name, "bad", "fix it"));
    assertEquals(new Diagnostic(Severity.ERROR, "bad", "fix it", AttributePath.ROOT), Diagnostic.error("bad", "fix it"));
    assertEquals(new Diagnostic(Severity.WARNING, "careful", "d", name), Diagnostic.warning(name, "careful", "d"));
    assertEquals(new Diagnostic(Severity.WARNING, "careful", "d", AttributePath.ROOT), Diagnostic.warning("careful", "d"));
  }

  @Test
  void a_diagnostic_needs_a_severity_and_a_summary() {
    assertThrows(NullPointerException.class, () -> new Diagnostic(null, "s", "d", null));
    assertThrows(NullPointerException.class, () -> new Diagnostic(Severity.ERROR, null, "d", null));
  }
}
