package io.pyvider.adapters.grpc.wire;

import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.text.Normalizer;

/** Shortens over-long string-prefix refinements the way cty does, so decoders never see oversize payloads. */
final class Prefixes {
  /** cty's encoder limit: a prefix longer than this many UTF-8 bytes is cut to fewer than this many. */
  static final int MAX_BYTES = 256;

  private static final String SAFE_LAST = "-_:;/\\,.(){}[]|?!~ \t@#$%^&*+\"'";

  private Prefixes() {
  }

  /**
   * Returns the prefix unchanged when short enough; otherwise cuts it below {@link #MAX_BYTES} on a character
   * boundary, normalises it to NFC and drops the last grapheme cluster, which later characters could still
   * change (cty's SafeKnownPrefix, conservatively: a shorter prefix only promises less).
   */
  static String forEncoding(String prefix) {
    byte[] utf8 = prefix.getBytes(StandardCharsets.UTF_8);
    if (utf8.length <= MAX_BYTES) {
      return prefix;
    }
    int end = MAX_BYTES - 1;
    while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
      end--; // never split a UTF-8 sequence
    }
    String cut = Normalizer.normalize(new String(utf8, 0, end, StandardCharsets.UTF_8), Normalizer.Form.NFC);
    BreakIterator clusters = BreakIterator.getCharacterInstance();
    clusters.setText(cut);
    int last = clusters.last();
    int previous = clusters.previous();
    if (previous == BreakIterator.DONE) {
      return "";
    }
    String lastCluster = cut.substring(previous, last);
    boolean safe = lastCluster.length() == 1 && SAFE_LAST.indexOf(lastCluster.charAt(0)) >= 0;
    return safe ? cut : cut.substring(0, previous);
  }
}
