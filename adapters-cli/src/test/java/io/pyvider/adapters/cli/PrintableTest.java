package io.pyvider.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrintableTest {

  @ParameterizedTest(name = "U+{0}")
  @ValueSource(strings = {"0000", "0007", "001B", "001F", "007F", "0085", "009B", "061C", "200E", "200F", "2028",
      "2029", "202A", "202E", "2066", "2069"})
  void a_control_or_bidi_character_is_shown_as_its_unicode_escape(String hex) {
    String character = String.valueOf((char) Integer.parseInt(hex, 16));
    assertEquals("a\\u" + hex + "b", Printable.escape("a" + character + "b"));
  }

  @Test
  void line_breaks_and_tabs_have_their_short_escapes() {
    assertEquals("a\\r\\nb\\tc", Printable.escape("a\r\nb\tc"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"pyvider_timed_token.t[\"blue\"]", "C:\\state\\terraform.tfstate", "caf\u00e9 \u4e2d\u6587",
      "rocket \ud83d\ude80", "\u200b zero-width space stays", ""})
  void printable_text_backslashes_and_other_scripts_stay_as_they_are(String text) {
    assertEquals(text, Printable.escape(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u001b[2J", "\u202e\r\n\\u001B"})
  void escaping_twice_changes_nothing_more(String text) {
    assertEquals(Printable.escape(text), Printable.escape(Printable.escape(text)));
  }
}
