package io.pyvider.adapters.cli.state;

/** Terraform's text form of instance keys, so addresses read exactly as {@code terraform state list} prints them. */
public final class Addresses {

  private Addresses() {
  }

  /** A resource's address: {@code module.a.pyvider_timed_token.t}, {@code data.x.y}; {@code module} may be empty. */
  public static String resource(String module, String mode, String type, String name) {
    return (module.isEmpty() ? "" : module + ".") + ("data".equals(mode) ? "data." : "") + type + "." + name;
  }

  /** {@code [0]} for a count index, {@code ["key"]} (HCL-quoted) for a for_each key, empty for none. */
  public static String indexSuffix(Object key) {
    if (key == null) {
      return "";
    }
    if (key instanceof Number number) {
      return "[" + number.longValue() + "]";
    }
    return "[" + quote(key.toString()) + "]";
  }

  /** HCL's quoted-string form (as Terraform's addrs.StringKey prints it): escapes and template sequences. */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '$', '%' -> {
          out.append(c);
          if (i + 1 < text.length() && text.charAt(i + 1) == '{') {
            out.append(c);
          }
        }
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
