package io.pyvider.bootstrap.examples;

import io.pyvider.domain.terraform.cty.Value;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Terraform's {@code jsonencode} for a wholly known value: go-cty v1.18.0 {@code cty/json/marshal.go} (what
 * {@code stdlib.JSONEncodeFunc} calls), byte for byte:
 * <ul>
 *   <li>compact: no whitespace at all;</li>
 *   <li>object attributes and map keys sorted by Go's {@code sort.Strings} (byte order of the UTF-8 text);</li>
 *   <li>strings through Go's {@code encoding/json} with HTML escaping on (Go 1.25, which Terraform v1.15.9 is built
 *       with): {@code \"} {@code \\} {@code \b} {@code \f} {@code \n} {@code \r} {@code \t}, other control
 *       characters and {@code <} {@code >} {@code &} as {@code \}{@code u00xx} (lower-case hex), U+2028 and U+2029
 *       escaped, everything else (DEL and non-ASCII included) as UTF-8;</li>
 *   <li>numbers as {@code big.Float.Text('f', -1)}: the shortest plain decimal, never an exponent;</li>
 *   <li>{@code null}, {@code true}, {@code false}; lists and tuples as arrays.</li>
 * </ul>
 */
final class JsonEncode {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonEncode() {
  }

  static String encode(Value value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(Value value, StringBuilder out) {
    if (!value.isKnown()) {
      throw new IllegalArgumentException("value is not known");
    }
    if (value.isNull()) {
      out.append("null");
    } else if (value instanceof Value.Str s) {
      string(s.value(), out);
    } else if (value instanceof Value.Num n) {
      out.append(numberText(n.value()));
    } else if (value instanceof Value.Bool b) {
      out.append(b.value());
    } else if (value instanceof Value.ListVal || value instanceof Value.TupleVal) {
      List<Value> elements = value instanceof Value.ListVal l ? l.elements() : ((Value.TupleVal) value).elements();
      out.append('[');
      for (int i = 0; i < elements.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(elements.get(i), out);
      }
      out.append(']');
    } else if (value instanceof Value.ObjectVal || value instanceof Value.MapVal) {
      Map<String, Value> entries = value instanceof Value.ObjectVal o ? o.attributes() : ((Value.MapVal) value).entries();
      out.append('{');
      boolean first = true;
      for (String key : sortedKeys(entries.keySet())) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(key, out);
        out.append(':');
        write(entries.get(key), out);
      }
      out.append('}');
    } else {
      throw new IllegalArgumentException("the examples' jsonencode does not model " + value.type().toJson());
    }
  }

  /** Go's encoding/json string encoder with escapeHTML = true (encode.go appendString). */
  static void string(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case '\\', '"' -> out.append('\\').append((char) c);
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<', '>', '&' -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
        case 0x2028, 0x2029 -> out.append("\\u202").append(HEX[c & 0xF]);
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            out.appendCodePoint(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** {@code big.Float.Text('f', -1)} for the decimal numbers HCL literals and providers produce. */
  static String numberText(BigDecimal number) {
    BigDecimal stripped = number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
    return stripped.toPlainString();
  }

  /** Go's sort.Strings: byte order of the UTF-8 encodings. */
  static List<String> sortedKeys(Collection<String> keys) {
    List<String> sorted = new ArrayList<>(keys);
    sorted.sort(JsonEncode::compareUtf8);
    return sorted;
  }

  static int compareUtf8(String a, String b) {
    byte[] x = a.getBytes(StandardCharsets.UTF_8);
    byte[] y = b.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int d = (x[i] & 0xFF) - (y[i] & 0xFF);
      if (d != 0) {
        return d;
      }
    }
    return x.length - y.length;
  }
}
