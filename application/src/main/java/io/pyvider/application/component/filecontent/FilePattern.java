package io.pyvider.application.component.filecontent;

import java.util.regex.Pattern;

/**
 * A shell-style pattern for file paths: {@code *} and {@code ?} match within one path segment and {@code [...]}
 * (negated with {@code !} or {@code ^}) one character other than {@code /}; {@code \} escapes. A pattern without
 * {@code /} is matched against the file name, one with {@code /} against the path relative to the listed directory.
 */
final class FilePattern {

  private final Pattern regex;
  private final boolean wholePath;

  private FilePattern(Pattern regex, boolean wholePath) {
    this.regex = regex;
    this.wholePath = wholePath;
  }

  /** Compiles {@code glob}; throws IllegalArgumentException, with what is wrong, for an unusable pattern. */
  static FilePattern compile(String glob) {
    if (glob.isEmpty()) {
      throw new IllegalArgumentException("the pattern is empty; use \"*\" for every file");
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> out.append("[^/]*");
        case '?' -> out.append("[^/]");
        case '\\' -> {
          if (i + 1 == glob.length()) {
            throw new IllegalArgumentException("the pattern ends with an escape character \"\\\"");
          }
          out.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
        }
        case '[' -> i = characterClass(glob, i, out);
        default -> out.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return new FilePattern(Pattern.compile(out.toString()), glob.contains("/"));
  }

  /** Appends the class starting at {@code open}; returns the index of its closing bracket. */
  private static int characterClass(String glob, int open, StringBuilder out) {
    int i = open + 1;
    boolean negated = i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^');
    if (negated) {
      i++;
    }
    StringBuilder members = new StringBuilder();
    int first = i;
    for (; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == ']' && i > first) {
        out.append(negated ? "[^/" : "(?!/)[").append(members).append(']');
        return i;
      }
      if (c == '\\' || c == '[' || c == ']' || c == '^' || c == '&') {
        members.append('\\');
      }
      members.append(c);
    }
    throw new IllegalArgumentException("the pattern has a \"[\" at position " + (open + 1) + " without its \"]\"");
  }

  /** Whether a file at {@code relativePath} (segments separated by {@code /}) matches. */
  boolean matches(String relativePath) {
    String subject = wholePath ? relativePath : relativePath.substring(relativePath.lastIndexOf('/') + 1);
    return regex.matcher(subject).matches();
  }
}
