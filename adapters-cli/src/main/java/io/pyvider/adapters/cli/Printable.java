package io.pyvider.adapters.cli;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Text from outside the CLI (state files, paths, the environment, the daemon, the provider binary) made safe for a
 * terminal, a log or a cron mail: every character that would act instead of show is printed as an escape. A state
 * could otherwise retitle or clear the terminal ({@code ESC ]0;…BEL}, {@code ESC [2J}), reorder what is read (bidi
 * overrides), or forge a line that a script parsing the output trusts ({@code \r\n}).
 *
 * <p>Escaped: C0 controls (line feed, carriage return and tab as {@code \n}, {@code \r}, {@code \t}), DEL, C1
 * controls, the Unicode line and paragraph separators, and the bidirectional marks, embeddings, overrides and
 * isolates; all but the first three as a JSON-style Unicode escape (backslash, {@code u}, four hex digits: ESC shows
 * as backslash-u-001B). A backslash stays as it is, so paths and addresses read unchanged.
 */
final class Printable {

  private Printable() {
  }

  /** {@code text} with every unsafe character as an escape; null prints as {@code null}, like string concatenation. */
  static String escape(String text) {
    if (text == null) {
      return "null";
    }
    if (text.chars().noneMatch(Printable::unsafe)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.chars().forEach(c -> {
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(unsafe(c) ? unicodeEscape(c) : String.valueOf((char) c));
      }
    });
    return out.toString();
  }

  /** Whether a character acts on a terminal or on how the text around it is read, instead of showing. */
  static boolean unsafe(int c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f)
        || c == 0x2028 || c == 0x2029
        || c == 0x061c || c == 0x200e || c == 0x200f
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
  }

  private static String unicodeEscape(int c) {
    return String.format("\\u%04X", c);
  }

  /**
   * For JSON output: Jackson escapes the C0 controls itself; this escapes the rest of {@link #unsafe} the same way
   * (a Unicode escape), which a JSON parser reads back as the very same character, so the document keeps every value
   * exactly and is still safe to print on a terminal.
   */
  static final class JsonEscapes extends CharacterEscapes {

    private static final long serialVersionUID = 1L;

    private final int[] ascii;

    JsonEscapes() {
      ascii = standardAsciiEscapesForJSON();
      ascii[0x7f] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int c) {
      return unsafe(c) ? new SerializedString(unicodeEscape(c)) : null;
    }
  }
}
