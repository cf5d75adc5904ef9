package io.pyvider.bootstrap.examples;

import io.pyvider.domain.terraform.cty.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The syntax tree of HCL's native syntax, for the subset Terraform configurations in {@code examples/seed} use:
 * bodies of attributes and blocks; literals, quoted templates with {@code ${}} interpolation, tuples, objects,
 * references, function calls, unary, binary and conditional operators (hashicorp/hcl v2 hclsyntax spec.md). Anything
 * else ({@code for} expressions, splats, heredocs, template directives) is refused by {@link HclParser} with its
 * position, so an example can never be replayed half-understood.
 */
final class Hcl {

  private Hcl() {
  }

  /** A source position, for messages. */
  record Pos(String file, int line, int column) {
    @Override
    public String toString() {
      return file + ":" + line + "," + column;
    }
  }

  /** A body: attributes by name (in source order) and blocks (in source order). */
  record Body(Map<String, Attribute> attributes, List<Block> blocks) {
    Body {
      attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
      blocks = List.copyOf(blocks);
    }

    List<Block> blocks(String type) {
      List<Block> found = new ArrayList<>();
      blocks.forEach(b -> {
        if (b.type().equals(type)) {
          found.add(b);
        }
      });
      return found;
    }
  }

  /** {@code name = expression}. */
  record Attribute(String name, Expr expr, Pos pos) {
  }

  /** {@code type "label" ... { body }}. */
  record Block(String type, List<String> labels, Body body, Pos pos) {
    Block {
      labels = List.copyOf(labels);
    }
  }

  /** An expression. */
  sealed interface Expr permits Literal, Template, TemplateWrap, TupleCons, ObjectCons, ScopeRef, GetAttr, Index,
      Call, Unary, Binary, Conditional, Parens {
    Pos pos();
  }

  /** A number, bool or null literal (strings are templates). */
  record Literal(Value value, Pos pos) implements Expr {
  }

  /** A quoted template: literal strings and interpolated expressions, in order. */
  record Template(List<Object> parts, Pos pos) implements Expr {
    Template {
      parts = List.copyOf(parts);
    }
  }

  /** A template that is a single interpolation ({@code "${x}"}): HCL returns {@code x} itself, unconverted. */
  record TemplateWrap(Expr wrapped, Pos pos) implements Expr {
  }

  /** {@code [a, b, ...]}. */
  record TupleCons(List<Expr> items, Pos pos) implements Expr {
    TupleCons {
      items = List.copyOf(items);
    }
  }

  /** {@code { key = value ... }}; a bare identifier key is the string itself (ObjectConsKeyExpr). */
  record ObjectCons(List<Item> items, Pos pos) implements Expr {
    ObjectCons {
      items = List.copyOf(items);
    }
  }

  /** One item of an object constructor. */
  record Item(Expr key, Expr value) {
  }

  /** The root of a traversal: {@code var}, {@code local}, {@code path}, {@code count}, {@code data}, a type. */
  record ScopeRef(String name, Pos pos) implements Expr {
  }

  /** {@code expr.name}. */
  record GetAttr(Expr source, String name, Pos pos) implements Expr {
  }

  /** {@code expr[key]}. */
  record Index(Expr source, Expr key, Pos pos) implements Expr {
  }

  /** {@code name(args...)}. */
  record Call(String name, List<Expr> args, Pos pos) implements Expr {
    Call {
      args = List.copyOf(args);
    }
  }

  /** {@code !x}, {@code -x}. */
  record Unary(String op, Expr operand, Pos pos) implements Expr {
  }

  /** {@code a op b}. */
  record Binary(String op, Expr left, Expr right, Pos pos) implements Expr {
  }

  /** {@code cond ? a : b}. */
  record Conditional(Expr condition, Expr whenTrue, Expr whenFalse, Pos pos) implements Expr {
  }

  /** {@code ( expr )}. */
  record Parens(Expr inner, Pos pos) implements Expr {
  }

  static Literal number(BigDecimal value, Pos pos) {
    return new Literal(Value.number(value), pos);
  }

  /** A syntax error, with the position Terraform would report. */
  static final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SyntaxError(Pos pos, String message) {
      super(pos + ": " + message);
    }
  }
}
