package io.pyvider.bootstrap.examples;

import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Refinements;
import io.pyvider.domain.terraform.cty.Value;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pieces of go-cty v1.18.0 the examples' expressions rely on: string normalisation, equality with nulls,
 * unknowns and refinements ({@code Value.Equals}), type conversion to attribute types ({@code convert.Convert}), and
 * the safe known prefix of a partly unknown string ({@code ctystrings.SafeKnownPrefix}).
 */
final class Cty {

  private Cty() {
  }

  /** cty.StringVal: every string is NFC-normalised. */
  static Value string(String text) {
    return Value.string(Normalizer.normalize(text, Normalizer.Form.NFC));
  }

  static Value unknownNotNull(CtyType type) {
    return Value.unknown(type, Refinements.notNull());
  }

  static boolean definitelyNotNull(Value value) {
    if (value.isKnown()) {
      return !value.isNull();
    }
    return value instanceof Value.Unknown u && u.refinements().definitelyNotNull();
  }

  /** Value.Equals: a known bool, or an unknown bool refined as not null. */
  static Value equals(Value a, Value b) {
    if (a.isNull() && definitelyNotNull(b) || b.isNull() && definitelyNotNull(a)) {
      return Value.bool(false);
    }
    if (a.isKnown() && !b.isKnown() && !((Value.Unknown) b).refinements().admits(a)
        || b.isKnown() && !a.isKnown() && !((Value.Unknown) a).refinements().admits(b)) {
      return Value.bool(false); // the unknown's range excludes the known value
    }
    if (!a.isKnown() || !b.isKnown()) {
      Value known = a.isKnown() ? a : b.isKnown() ? b : null;
      Value unknown = a.isKnown() ? b : a;
      if (known != null && !known.isNull() && unknown.type() != CtyType.DYNAMIC
          && known.type() != CtyType.DYNAMIC && !known.type().equals(unknown.type())) {
        return Value.bool(false);
      }
      return unknownNotNull(CtyType.BOOL);
    }
    if (a.isNull() || b.isNull()) {
      return Value.bool(a.isNull() && b.isNull());
    }
    if (!a.type().equals(b.type())) {
      return Value.bool(false);
    }
    if (!a.isWhollyKnown() || !b.isWhollyKnown()) {
      return unknownNotNull(CtyType.BOOL); // cty compares element-wise; the examples never reach this
    }
    return Value.bool(a.equals(b));
  }

  static Value not(Value bool) {
    if (!bool.isKnown()) {
      return unknownNotNull(CtyType.BOOL);
    }
    return Value.bool(!((Value.Bool) bool).value());
  }

  /** convert.Convert to an attribute's type; a value that cannot be converted is Terraform's config error. */
  static Value convert(Value value, CtyType type, String where) {
    if (type == CtyType.DYNAMIC || value.type().equals(type) && !(value instanceof Value.Null)) {
      return value;
    }
    if (value.isNull()) {
      return Value.nullOf(type);
    }
    if (!value.isKnown()) {
      Refinements refinements = ((Value.Unknown) value).refinements();
      return Value.unknown(type, refinements.definitelyNotNull() ? Refinements.notNull() : Refinements.NONE);
    }
    if (type == CtyType.STRING) {
      if (value instanceof Value.Num n) {
        return string(JsonEncode.numberText(n.value()));
      }
      if (value instanceof Value.Bool b) {
        return string(b.value() ? "true" : "false");
      }
    } else if (type == CtyType.NUMBER && value instanceof Value.Str s) {
      try {
        return Value.number(new BigDecimal(s.value()));
      } catch (NumberFormatException notNumber) {
        throw new ConfigError(where + ": a number is required, got \"" + s.value() + "\"");
      }
    } else if (type == CtyType.BOOL && value instanceof Value.Str s
        && (s.value().equals("true") || s.value().equals("false"))) {
      return Value.bool(s.value().equals("true"));
    } else if (type instanceof CtyType.MapOf map) {
      Map<String, Value> entries = value instanceof Value.ObjectVal o ? o.attributes()
          : value instanceof Value.MapVal m ? m.entries() : null;
      if (entries != null) {
        Map<String, Value> converted = new TreeMap<>();
        entries.forEach((k, v) -> converted.put(k, convert(v, map.element(), where + "[\"" + k + "\"]")));
        return Value.MapVal.of(map.element(), converted);
      }
    } else if (type instanceof CtyType.ListOf list) {
      List<Value> elements = value instanceof Value.TupleVal t ? t.elements()
          : value instanceof Value.ListVal l ? l.elements() : null;
      if (elements != null) {
        List<Value> converted = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
          converted.add(convert(elements.get(i), list.element(), where + "[" + i + "]"));
        }
        return new Value.ListVal(list.element(), converted);
      }
    }
    throw new ConfigError(where + ": Inappropriate value: " + type.toJson() + " required, got "
        + value.type().toJson());
  }

  private static final String DELIMITERS = "-_:;/\\,.(){}[]|?!~ \t@#$%^&*+\"'";

  /**
   * ctystrings.SafeKnownPrefix: NFC, then the last grapheme cluster is dropped (a later character could combine with
   * it) unless it is one of the delimiters cty knows cannot combine. Grapheme clusters are approximated (a base
   * character with following combining marks, variation selectors, emoji modifiers and ZWJ sequences; trailing
   * regional indicators all dropped), which matches cty's own test vectors (cty/ctystrings/prefix_test.go).
   */
  static String safeKnownPrefix(String prefix) {
    String text = Normalizer.normalize(prefix, Normalizer.Form.NFC);
    if (text.isEmpty()) {
      return text;
    }
    int start = text.offsetByCodePoints(text.length(), -1);
    while (start > 0) {
      int previous = text.offsetByCodePoints(start, -1);
      if (extends_(text.codePointAt(start)) || text.codePointAt(previous) == 0x200D) {
        start = previous;
      } else {
        break;
      }
    }
    String last = text.substring(start);
    if (last.codePointCount(0, last.length()) == 1 && DELIMITERS.indexOf(last.codePointAt(0)) >= 0) {
      return text;
    }
    String kept = text.substring(0, start);
    while (!kept.isEmpty() && isRegionalIndicator(kept.codePointBefore(kept.length()))) {
      kept = kept.substring(0, kept.offsetByCodePoints(kept.length(), -1));
    }
    return kept;
  }

  private static boolean extends_(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK || codePoint == 0x200D
        || codePoint >= 0xFE00 && codePoint <= 0xFE0F || codePoint >= 0x1F3FB && codePoint <= 0x1F3FF;
  }

  private static boolean isRegionalIndicator(int codePoint) {
    return codePoint >= 0x1F1E6 && codePoint <= 0x1F1FF;
  }

  /** HCL's TemplateExpr keeps at most 128 bytes of the known prefix before making it safe. */
  static String templatePrefix(String known) {
    byte[] bytes = known.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= 128) {
      return safeKnownPrefix(known);
    }
    int end = 128;
    while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
      end--;
    }
    return safeKnownPrefix(new String(bytes, 0, end, StandardCharsets.UTF_8));
  }

  /** An error Terraform reports for the configuration (not the provider's fault). */
  static final class ConfigError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConfigError(String message) {
      super(message);
    }
  }
}
