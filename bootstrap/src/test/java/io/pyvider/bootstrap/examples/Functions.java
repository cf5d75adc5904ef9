package io.pyvider.bootstrap.examples;

import io.pyvider.bootstrap.examples.Hcl.Pos;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Refinements;
import io.pyvider.domain.terraform.cty.Value;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Exactly the Terraform functions the examples call, each with its go-cty v1.18.0 / go-cty-yaml v1.1.0 contract as
 * {@code function.Call} applies it: argument conversion, null and unknown handling, result refinement, and marks
 * (every argument's marks go to the result; none of these parameters is AllowMarked).
 * <ul>
 *   <li>{@code jsonencode(v)}: accepts unknowns; a value that is not wholly known gives an unknown string, not null,
 *       prefixed {@code {} for objects and maps, {@code [} for tuples and lists, {@code "} for strings
 *       (stdlib/json.go);</li>
 *   <li>{@code yamlencode(v)}: a value that is not wholly known gives a plain unknown string (no refinement,
 *       cty_funcs.go);</li>
 *   <li>{@code join(sep, list...)}: lists converted to list(string); unknown elements give an unknown string refined
 *       as not null; a null element is an error (stdlib/string.go);</li>
 *   <li>{@code formatdate(format, time)}: the verbs the examples use (Y, M, D, h, m, s) and literals
 *       (stdlib/datetime.go);</li>
 *   <li>{@code contains(list, value)} (stdlib/collection.go), {@code sensitive}, {@code nonsensitive} (which
 *       removes the sensitive mark only: an ephemeral value stays ephemeral);</li>
 *   <li>{@code timestamp()} is refused: it is unknown in every plan and new at every apply, so a replay of it could
 *       never show an empty second plan; the examples replace it with a variable.</li>
 * </ul>
 */
final class Functions {

  private Functions() {
  }

  static Ev call(String name, List<Ev> args, Pos pos) {
    Ev.Marks marks = Ev.Marks.of(args);
    switch (name) {
      case "jsonencode":
        arity(name, args, 1, pos);
        return Ev.of(jsonencode(args.get(0).value()), marks);
      case "yamlencode":
        arity(name, args, 1, pos);
        return Ev.of(yamlencode(args.get(0).value()), marks);
      case "join":
        return Ev.of(join(args, pos), marks);
      case "formatdate":
        arity(name, args, 2, pos);
        return Ev.of(formatdate(args.get(0).value(), args.get(1).value(), pos), marks);
      case "contains":
        arity(name, args, 2, pos);
        return Ev.of(contains(args.get(0).value(), args.get(1).value(), pos), marks);
      case "sensitive":
        arity(name, args, 1, pos);
        return Ev.of(args.get(0).value(), marks.withSensitive(true));
      case "nonsensitive":
        arity(name, args, 1, pos);
        return Ev.of(args.get(0).value(), marks.withSensitive(false));
      case "timestamp":
        throw Evaluator.error(pos, "timestamp() is unknown in every plan and changes at every apply, so no second "
            + "plan could be empty; the replayed examples use a variable instead");
      default:
        throw Evaluator.error(pos, "Call to unknown function: the examples' replay does not implement " + name
            + "(); add it to Functions with its cty contract if an example needs it");
    }
  }

  private static void arity(String name, List<Ev> args, int count, Pos pos) {
    if (args.size() != count) {
      throw Evaluator.error(pos, "Invalid function arguments: " + name + "() takes " + count + " argument(s), got "
          + args.size());
    }
  }

  private static Value notNull(Value argument, String name, Pos pos) {
    if (argument.isNull()) {
      throw Evaluator.error(pos, "Invalid function argument: Invalid value for " + name + " parameter: argument "
          + "must not be null.");
    }
    return argument;
  }

  static Value jsonencode(Value value) {
    if (!value.isWhollyKnown()) {
      if (!Cty.definitelyNotNull(value)) {
        return Cty.unknownNotNull(CtyType.STRING); // RefineResult still applies
      }
      CtyType type = value.type();
      String prefix = type == CtyType.STRING ? "\""
          : type instanceof CtyType.ObjectOf || type instanceof CtyType.MapOf ? "{"
          : type instanceof CtyType.TupleOf || type instanceof CtyType.ListOf || type instanceof CtyType.SetOf ? "["
          : null;
      Refinements refinements = Refinements.notNull();
      return Value.unknown(CtyType.STRING, prefix == null ? refinements : refinements.withStringPrefix(prefix));
    }
    return Cty.string(JsonEncode.encode(value));
  }

  static Value yamlencode(Value value) {
    if (!value.isWhollyKnown()) {
      return Value.unknown(CtyType.STRING);
    }
    return Cty.string(YamlEncode.encode(value));
  }

  private static Value join(List<Ev> args, Pos pos) {
    if (args.size() < 2) {
      throw Evaluator.error(pos, "Invalid function arguments: join() needs a separator and at least one list");
    }
    Value separator = notNull(args.get(0).value(), "separator", pos);
    List<Value> lists = new ArrayList<>();
    for (int i = 1; i < args.size(); i++) {
      lists.add(Cty.convert(notNull(args.get(i).value(), "lists", pos), CtyType.listOf(CtyType.STRING),
          pos + " join() argument " + (i + 1)));
    }
    if (!separator.isKnown() || lists.stream().anyMatch(l -> !l.isWhollyKnown())) {
      return Cty.unknownNotNull(CtyType.STRING);
    }
    List<String> items = new ArrayList<>();
    for (Value list : lists) {
      List<Value> elements = ((Value.ListVal) list).elements();
      for (int e = 0; e < elements.size(); e++) {
        if (elements.get(e).isNull()) {
          throw Evaluator.error(pos, "Invalid function argument: element " + e + " is null; cannot concatenate null "
              + "values.");
        }
        items.add(((Value.Str) elements.get(e)).value());
      }
    }
    return Cty.string(String.join(((Value.Str) separator).value(), items));
  }

  private static Value formatdate(Value format, Value time, Pos pos) {
    notNull(format, "format", pos);
    notNull(time, "time", pos);
    Value formatText = Cty.convert(format, CtyType.STRING, "formatdate format");
    Value timeText = Cty.convert(time, CtyType.STRING, "formatdate time");
    if (!formatText.isKnown() || !timeText.isKnown()) {
      return Cty.unknownNotNull(CtyType.STRING);
    }
    OffsetDateTime t;
    try {
      t = OffsetDateTime.parse(((Value.Str) timeText).value());
    } catch (DateTimeParseException notRfc3339) {
      throw Evaluator.error(pos, "Invalid function argument: not a valid RFC3339 timestamp: "
          + notRfc3339.getMessage());
    }
    String spec = ((Value.Str) formatText).value();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < spec.length(); ) {
      char c = spec.charAt(i);
      int end = i + 1;
      if (c == '\'') {
        throw Evaluator.error(pos, "quoted literals in formatdate are not used by the examples' replay");
      }
      if (!isLetter(c)) {
        while (end < spec.length() && !isLetter(spec.charAt(end)) && spec.charAt(end) != '\'') {
          end++;
        }
        out.append(spec, i, end);
        i = end;
        continue;
      }
      while (end < spec.length() && spec.charAt(end) == c) {
        end++;
      }
      String verb = spec.substring(i, end);
      out.append(switch (verb) {
        case "YYYY" -> String.format("%04d", t.getYear());
        case "YY" -> String.format("%02d", t.getYear() % 100);
        case "MM" -> String.format("%02d", t.getMonthValue());
        case "M" -> Integer.toString(t.getMonthValue());
        case "DD" -> String.format("%02d", t.getDayOfMonth());
        case "D" -> Integer.toString(t.getDayOfMonth());
        case "hh" -> String.format("%02d", t.getHour());
        case "h" -> Integer.toString(t.getHour());
        case "mm" -> String.format("%02d", t.getMinute());
        case "m" -> Integer.toString(t.getMinute());
        case "ss" -> String.format("%02d", t.getSecond());
        case "s" -> Integer.toString(t.getSecond());
        default -> throw Evaluator.error(pos, "the formatdate verb \"" + verb + "\" is not used by the examples' "
            + "replay");
      });
      i = end;
    }
    return Cty.string(out.toString());
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static Value contains(Value list, Value value, Pos pos) {
    notNull(list, "list", pos);
    notNull(value, "value", pos);
    if (!list.isKnown() || !value.isKnown()) {
      return Cty.unknownNotNull(CtyType.BOOL);
    }
    List<Value> elements = list instanceof Value.TupleVal t ? t.elements()
        : list instanceof Value.ListVal l ? l.elements() : null;
    if (elements == null) {
      throw Evaluator.error(pos, "Invalid function argument: argument must be list, tuple, or set");
    }
    boolean unknown = false;
    for (Value element : elements) {
      Value equal = Cty.equals(value, element);
      if (!equal.isKnown()) {
        unknown = true;
      } else if (((Value.Bool) equal).value()) {
        return Value.bool(true);
      }
    }
    return unknown ? Cty.unknownNotNull(CtyType.BOOL) : Value.bool(false);
  }
}
