package io.pyvider.application.component.filecontent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FilePatternTest {

  @Test
  void a_pattern_without_a_slash_matches_the_file_name_at_any_depth() {
    FilePattern txt = FilePattern.compile("*.txt");
    assertTrue(txt.matches("a.txt"));
    assertTrue(txt.matches("sub/deeper/b.txt"));
    assertFalse(txt.matches("a.txt.bak"));
  }

  @Test
  void star_question_mark_and_classes_never_cross_a_slash() {
    assertFalse(FilePattern.compile("sub*").matches("sub/a"), "matched against the name \"a\"");
    assertFalse(FilePattern.compile("a*b").matches("a/b"));
    assertFalse(FilePattern.compile("conf/*").matches("conf/x/y"));
    assertTrue(FilePattern.compile("conf/*").matches("conf/x"));
    assertFalse(FilePattern.compile("a?b").matches("a/b"));
    assertFalse(FilePattern.compile("a[!x]b").matches("a/b"));
    assertFalse(FilePattern.compile("a[/]b").matches("a/b"));
  }

  @Test
  void classes_ranges_negation_and_escapes_work_as_in_a_shell() {
    assertTrue(FilePattern.compile("f[0-9].log").matches("f7.log"));
    assertFalse(FilePattern.compile("f[!0-9].log").matches("f7.log"));
    assertTrue(FilePattern.compile("f[^0-9].log").matches("fx.log"));
    assertTrue(FilePattern.compile("[]]").matches("]"), "a ] right after [ is a member");
    assertTrue(FilePattern.compile("\\*.txt").matches("*.txt"));
    assertFalse(FilePattern.compile("\\*.txt").matches("a.txt"));
    assertTrue(FilePattern.compile("a.(b)+").matches("a.(b)+"), "regex characters are literal");
  }

  @Test
  void a_negated_class_excludes_only_its_members() {
    FilePattern notA = FilePattern.compile("[!a]*");
    assertTrue(notA.matches("!x"), "! after [ negates; it is no member");
    assertTrue(notA.matches("[x"));
    assertFalse(notA.matches("ax"));
  }

  @Test
  void unusable_patterns_are_refused_with_a_reason() {
    assertThrows(IllegalArgumentException.class, () -> FilePattern.compile(""));
    assertThrows(IllegalArgumentException.class, () -> FilePattern.compile("abc\\"));
    assertEquals("the pattern has a \"[\" at position 4 without its \"]\"",
        assertThrows(IllegalArgumentException.class, () -> FilePattern.compile("abc[def")).getMessage());
    assertEquals("the pattern has a \"[\" at position 1 without its \"]\"",
        assertThrows(IllegalArgumentException.class, () -> FilePattern.compile("[")).getMessage());
    assertEquals("the pattern has a \"[\" at position 1 without its \"]\"",
        assertThrows(IllegalArgumentException.class, () -> FilePattern.compile("[!")).getMessage());
  }
}
