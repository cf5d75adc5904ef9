package io.pyvider.adapters.grpc.wire;

/**
 * A JSON string as cty reads it: a {@code \\u} escape of half a surrogate pair becomes U+FFFD, as Go's JSON decoder
 * makes it. Kept as it is, a lone surrogate is no Unicode text: it cannot be written as UTF-8, so msgpack would send
 * Terraform a {@code ?} in its place, and the value would come back changed. (Jackson itself refuses one in a name.)
 */
final class WellFormed {

  private static final char REPLACEMENT = '\uFFFD';

  private WellFormed() {
  }

  static String text(String text) {
    int first = firstLoneSurrogate(text);
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else {
        out.append(Character.isSurrogate(c) ? REPLACEMENT : c);
      }
    }
    return out.toString();
  }

  private static int firstLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }
}
