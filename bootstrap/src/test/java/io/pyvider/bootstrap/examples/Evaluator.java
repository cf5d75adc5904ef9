package io.pyvider.bootstrap.examples;

import io.pyvider.bootstrap.examples.Ev.Marks;
import io.pyvider.bootstrap.examples.Hcl.Expr;
import io.pyvider.bootstrap.examples.Hcl.Pos;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Refinements;
import io.pyvider.domain.terraform.cty.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Evaluates the examples' expressions the way Terraform does (hashicorp/hcl v2 hclsyntax, go-cty v1.18.0 functions
 * and operators), with unknown values, refinements and sensitivity: a template with an unknown part is an unknown
 * string refined as not null with its known prefix (TemplateExpr.Value); operators and functions follow cty's
 * function.Call (unknown arguments give an unknown result, refined as not null where the function says so; marks of
 * the arguments go to the result); {@code a != null} is known as soon as {@code a} is known not to be null. Marks are
 * sensitivity and ephemerality ({@link Ev.Marks}): whatever is built from a marked part carries its marks.
 */
final class Evaluator {

  /** Where references are looked up; each Terraform walk (validate, plan, apply) supplies its own. */
  interface Scope {
    Ev variable(String name, Pos pos);

    Ev local(String name, Pos pos);

    Ev path(String name, Pos pos);

    Ev countIndex(Pos pos);

    /** A managed resource: its object (attributes marked per schema), or a tuple of them with count. */
    Ev resource(String type, String name, Pos pos);

    Ev dataSource(String type, String name, Pos pos);

    /** {@code ephemeral.T.N}: the instance the walk opened, marked ephemeral as a whole. */
    Ev ephemeralResource(String type, String name, Pos pos);
  }

  private final Scope scope;

  Evaluator(Scope scope) {
    this.scope = scope;
  }

  Ev eval(Expr expr) {
    if (expr instanceof Hcl.Literal literal) {
      return Ev.of(literal.value());
    }
    if (expr instanceof Hcl.Template template) {
      return template(template);
    }
    if (expr instanceof Hcl.TemplateWrap wrap) {
      return eval(wrap.wrapped());
    }
    if (expr instanceof Hcl.Parens parens) {
      return eval(parens.inner());
    }
    if (expr instanceof Hcl.TupleCons tuple) {
      List<Ev> items = new ArrayList<>();
      tuple.items().forEach(item -> items.add(eval(item)));
      return Ev.of(new Value.TupleVal(items.stream().map(Ev::value).toList()), Marks.of(items));
    }
    if (expr instanceof Hcl.ObjectCons object) {
      return object(object);
    }
    if (expr instanceof Hcl.GetAttr get) {
      return getAttr(get);
    }
    if (expr instanceof Hcl.Index index) {
      return index(eval(index.source()), eval(index.key()), index.pos());
    }
    if (expr instanceof Hcl.ScopeRef ref) {
      throw error(ref.pos(), "Invalid reference: a reference to \"" + ref.name() + "\" must be followed by an "
          + "attribute name");
    }
    if (expr instanceof Hcl.Call call) {
      List<Ev> args = new ArrayList<>();
      call.args().forEach(a -> args.add(eval(a)));
      return Functions.call(call.name(), args, call.pos());
    }
    if (expr instanceof Hcl.Unary unary) {
      return unary(unary);
    }
    if (expr instanceof Hcl.Binary binary) {
      return binary(binary);
    }
    if (expr instanceof Hcl.Conditional conditional) {
      return conditional(conditional);
    }
    throw error(expr.pos(), "unsupported expression " + expr);
  }

  /** hclsyntax TemplateExpr.Value. */
  private Ev template(Hcl.Template template) {
    StringBuilder known = new StringBuilder();
    boolean isKnown = true;
    Marks marks = Marks.NONE;
    for (Object part : template.parts()) {
      if (part instanceof String literal) {
        if (isKnown) {
          known.append(literal);
        }
        continue;
      }
      Expr partExpr = (Expr) part;
      Ev ev = eval(partExpr);
      if (ev.value().isNull()) {
        throw error(partExpr.pos(), "Invalid template interpolation value: The expression result is null. Cannot "
            + "include a null value in a string template.");
      }
      marks = marks.and(ev.marks());
      if (!ev.value().isKnown()) {
        isKnown = false;
        continue;
      }
      Value text = Cty.convert(ev.value(), CtyType.STRING, "template interpolation at " + partExpr.pos());
      if (isKnown) {
        known.append(((Value.Str) text).value());
      }
    }
    if (isKnown) {
      return Ev.of(Cty.string(known.toString()), marks);
    }
    Refinements refinements = Refinements.notNull();
    String prefix = Cty.templatePrefix(known.toString());
    if (!prefix.isEmpty()) {
      refinements = refinements.withStringPrefix(prefix);
    }
    return Ev.of(Value.unknown(CtyType.STRING, refinements), marks);
  }

  /** hclsyntax ObjectConsExpr.Value: keys are converted to strings; a duplicate key is an error. */
  private Ev object(Hcl.ObjectCons object) {
    Map<String, Value> attributes = new TreeMap<>();
    Marks marks = Marks.NONE;
    for (Hcl.Item item : object.items()) {
      Ev key = eval(item.key());
      if (key.value().isNull()) {
        throw error(item.key().pos(), "Null value as key: Can't use a null value as a key.");
      }
      if (!key.value().isKnown()) {
        return Ev.of(Value.unknown(CtyType.DYNAMIC), Marks.SENSITIVE.and(key.marks())); // not used by the examples
      }
      String name = ((Value.Str) Cty.convert(key.value(), CtyType.STRING, "object key")).value();
      Ev value = eval(item.value());
      if (attributes.put(name, value.value()) != null) {
        throw error(item.key().pos(), "Duplicate object attribute \"" + name + "\"");
      }
      marks = marks.and(key.marks()).and(value.marks());
    }
    return Ev.of(Value.ObjectVal.of(attributes), marks);
  }

  /** References (var., local., path., count., data.T.N, ephemeral.T.N, T.N) and attribute access on values. */
  private Ev getAttr(Hcl.GetAttr get) {
    if (get.source() instanceof Hcl.ScopeRef root) {
      switch (root.name()) {
        case "var":
          return scope.variable(get.name(), get.pos());
        case "local":
          return scope.local(get.name(), get.pos());
        case "path":
          return scope.path(get.name(), get.pos());
        case "count":
          if (get.name().equals("index")) {
            return scope.countIndex(get.pos());
          }
          throw error(get.pos(), "Invalid count attribute: only count.index exists");
        case "data", "ephemeral":
          throw error(get.pos(), "Invalid " + root.name() + " resource reference: " + root.name() + "." + get.name()
              + " needs a name");
        case "each", "self", "module", "terraform":
          throw error(get.pos(), root.name() + " references are not used by the examples' replay");
        default:
          return scope.resource(root.name(), get.name(), get.pos());
      }
    }
    if (get.source() instanceof Hcl.GetAttr inner && inner.source() instanceof Hcl.ScopeRef root) {
      if (root.name().equals("data")) {
        return scope.dataSource(inner.name(), get.name(), get.pos());
      }
      if (root.name().equals("ephemeral")) {
        return scope.ephemeralResource(inner.name(), get.name(), get.pos());
      }
    }
    return getAttr(eval(get.source()), get.name(), get.pos());
  }

  static Ev getAttr(Ev source, String name, Pos pos) {
    Value value = source.value();
    Marks marks = source.sensitiveByAttribute() != null
        ? source.marks().withSensitive(source.sensitiveByAttribute().getOrDefault(name, false)) : source.marks();
    if (value.isNull()) {
      throw error(pos, "Attempt to get attribute from null value: This value is null, so it does not have any "
          + "attributes.");
    }
    if (!value.isKnown()) {
      CtyType type = value.type();
      if (type instanceof CtyType.ObjectOf object) {
        CtyType attribute = object.attributes().get(name);
        if (attribute == null) {
          throw error(pos, "Unsupported attribute: This object does not have an attribute named \"" + name + "\".");
        }
        return Ev.of(Value.unknown(attribute), marks);
      }
      return Ev.of(Value.unknown(CtyType.DYNAMIC), marks);
    }
    if (value instanceof Value.ObjectVal object) {
      Value attribute = object.attributes().get(name);
      if (attribute == null) {
        throw error(pos, "Unsupported attribute: This object does not have an attribute named \"" + name + "\".");
      }
      return Ev.of(attribute, marks);
    }
    if (value instanceof Value.MapVal map) {
      Value element = map.entries().get(name);
      if (element == null) {
        throw error(pos, "Missing map element: This map does not have an element with the key \"" + name + "\".");
      }
      return Ev.of(element, marks);
    }
    throw error(pos, "Unsupported attribute: Can't access attributes on a value of type " + value.type().toJson());
  }

  static Ev index(Ev source, Ev key, Pos pos) {
    Value value = source.value();
    Marks marks = source.marks().and(key.marks());
    if (value.isNull()) {
      throw error(pos, "Attempt to index null value");
    }
    if (!value.isKnown() || !key.value().isKnown()) {
      return new Ev(Value.unknown(CtyType.DYNAMIC), marks, source.sensitiveByAttribute());
    }
    if (value instanceof Value.TupleVal || value instanceof Value.ListVal) {
      List<Value> elements = value instanceof Value.TupleVal t ? t.elements() : ((Value.ListVal) value).elements();
      Value number = Cty.convert(key.value(), CtyType.NUMBER, "index");
      BigDecimal at = ((Value.Num) number).value();
      if (at.scale() > 0 && at.stripTrailingZeros().scale() > 0 || at.signum() < 0
          || at.compareTo(BigDecimal.valueOf(elements.size())) >= 0) {
        throw error(pos, "Invalid index: The given key does not identify an element in this collection value.");
      }
      return new Ev(elements.get(at.intValue()), marks, source.sensitiveByAttribute());
    }
    if (value instanceof Value.ObjectVal || value instanceof Value.MapVal) {
      String name = ((Value.Str) Cty.convert(key.value(), CtyType.STRING, "key")).value();
      return getAttr(new Ev(value, marks, source.sensitiveByAttribute()), name, pos);
    }
    throw error(pos, "Invalid index: This value does not have any indices.");
  }

  /** stdlib.NotFunc and NegateFunc, as hclsyntax UnaryOpExpr calls them. */
  private Ev unary(Hcl.Unary unary) {
    Ev operand = eval(unary.operand());
    if (operand.value().isNull()) {
      throw error(unary.pos(), "Invalid operand: Unsuitable value for unary operand: argument must not be null.");
    }
    if (unary.op().equals("!")) {
      Value bool = Cty.convert(operand.value(), CtyType.BOOL, "operand of !");
      return Ev.of(Cty.not(bool), operand.marks());
    }
    Value number = Cty.convert(operand.value(), CtyType.NUMBER, "operand of -");
    if (!number.isKnown()) {
      return Ev.of(Cty.unknownNotNull(CtyType.NUMBER), operand.marks());
    }
    return Ev.of(Value.number(((Value.Num) number).value().negate()), operand.marks());
  }

  /** hclsyntax BinaryOpExpr: operands converted to the operation's parameter types, then the cty function. */
  private Ev binary(Hcl.Binary binary) {
    Ev left = eval(binary.left());
    Ev right = eval(binary.right());
    Marks marks = left.marks().and(right.marks());
    switch (binary.op()) {
      case "==":
        return Ev.of(Cty.equals(left.value(), right.value()), marks);
      case "!=":
        return Ev.of(Cty.not(Cty.equals(left.value(), right.value())), marks);
      case "&&":
      case "||": {
        // OpLogicalAnd/OpLogicalOr ShortCircuit: a known controlling operand decides even if the other is unknown.
        Value a = operand(left, CtyType.BOOL, binary);
        Value b = operand(right, CtyType.BOOL, binary);
        boolean and = binary.op().equals("&&");
        Value controlling = Value.bool(!and);
        if (a.equals(controlling) || b.equals(controlling)) {
          return Ev.of(controlling, marks);
        }
        if (!a.isKnown() || !b.isKnown()) {
          return Ev.of(Cty.unknownNotNull(CtyType.BOOL), marks);
        }
        boolean x = ((Value.Bool) a).value();
        boolean y = ((Value.Bool) b).value();
        return Ev.of(Value.bool(and ? x && y : x || y), marks);
      }
      case "<":
      case ">":
      case "<=":
      case ">=": {
        Value a = operand(left, CtyType.NUMBER, binary);
        Value b = operand(right, CtyType.NUMBER, binary);
        if (!a.isKnown() || !b.isKnown()) {
          return Ev.of(Cty.unknownNotNull(CtyType.BOOL), marks);
        }
        int c = ((Value.Num) a).value().compareTo(((Value.Num) b).value());
        boolean result = switch (binary.op()) {
          case "<" -> c < 0;
          case ">" -> c > 0;
          case "<=" -> c <= 0;
          default -> c >= 0;
        };
        return Ev.of(Value.bool(result), marks);
      }
      default:
        throw error(binary.pos(), "the operator " + binary.op() + " is not used by the examples' replay");
    }
  }

  private static Value operand(Ev ev, CtyType type, Hcl.Binary binary) {
    if (ev.value().isNull()) {
      throw error(binary.pos(), "Invalid operand: Unsuitable value for an operand of " + binary.op()
          + ": argument must not be null.");
    }
    return Cty.convert(ev.value(), type, "operand of " + binary.op());
  }

  /**
   * hclsyntax ConditionalExpr.Value: the marks of the condition and of both results go to the result; an unknown
   * condition with two number results gives an unknown refined to the range between them.
   */
  private Ev conditional(Hcl.Conditional conditional) {
    Ev whenTrue = eval(conditional.whenTrue());
    Ev whenFalse = eval(conditional.whenFalse());
    CtyType type = unify(whenTrue.value(), whenFalse.value(), conditional.pos());
    Ev condition = eval(conditional.condition());
    if (condition.value().isNull()) {
      throw error(conditional.pos(), "Null condition: The condition value is null. Conditions must either be true "
          + "or false.");
    }
    Marks marks = condition.marks().and(whenTrue.marks()).and(whenFalse.marks());
    Value t = whenTrue.value();
    Value f = whenFalse.value();
    if (!condition.value().isKnown()) {
      if (t.isNull() && f.isNull()) {
        return Ev.of(Value.nullOf(type), marks);
      }
      Refinements refinements = Cty.definitelyNotNull(t) && Cty.definitelyNotNull(f)
          ? Refinements.notNull() : Refinements.NONE;
      if (t instanceof Value.Num a && f instanceof Value.Num b) {
        refinements = refinements.withLowerBound(a.value().min(b.value()), true)
            .withUpperBound(a.value().max(b.value()), true);
      }
      return Ev.of(Value.unknown(type, refinements), marks);
    }
    Value bool = Cty.convert(condition.value(), CtyType.BOOL, "condition");
    Value chosen = ((Value.Bool) bool).value() ? t : f;
    return Ev.of(Cty.convert(chosen, type, "conditional result"), marks);
  }

  private static CtyType unify(Value a, Value b, Pos pos) {
    if (a.type().equals(b.type())) {
      return a.type();
    }
    if (a.isNull() && a.type() == CtyType.DYNAMIC) {
      return b.type();
    }
    if (b.isNull() && b.type() == CtyType.DYNAMIC) {
      return a.type();
    }
    throw error(pos, "Inconsistent conditional result types: the examples' replay only unifies equal types ("
        + a.type().toJson() + ", " + b.type().toJson() + ")");
  }

  static Cty.ConfigError error(Pos pos, String message) {
    return new Cty.ConfigError(pos + ": " + message);
  }
}
