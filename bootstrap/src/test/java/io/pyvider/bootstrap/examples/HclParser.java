package io.pyvider.bootstrap.examples;

import io.pyvider.bootstrap.examples.Hcl.Expr;
import io.pyvider.bootstrap.examples.Hcl.Pos;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recursive-descent parser for the HCL native syntax subset of {@link Hcl}, following hashicorp/hcl v2
 * {@code hclsyntax/spec.md}: newlines end attributes and object items but are ignored inside parentheses, brackets and
 * argument lists; operators bind as {@code ||} < {@code &&} < {@code == !=} < {@code < > <= >=} < {@code + -} <
 * {@code * / %}, left to right; identifiers may contain dashes; {@code $${} and {@code %%{} are literal.
 */
final class HclParser {

  private final String file;
  private final String src;
  private int at;

  private HclParser(String file, String src) {
    this.file = file;
    this.src = src;
  }

  static Hcl.Body parseFile(String file, String source) {
    HclParser parser = new HclParser(file, source);
    return parser.body(false);
  }

  static Expr parseExpression(String source) {
    HclParser parser = new HclParser("<expr>", source);
    Expr expr = parser.expr(false);
    parser.skip(false);
    if (!parser.eof()) {
      throw parser.error("unexpected " + parser.describe() + " after the expression");
    }
    return expr;
  }

  // --- bodies --------------------------------------------------------------------------------------------------

  private Hcl.Body body(boolean inBlock) {
    Map<String, Hcl.Attribute> attributes = new LinkedHashMap<>();
    List<Hcl.Block> blocks = new ArrayList<>();
    while (true) {
      skip(false);
      if (eof()) {
        if (inBlock) {
          throw error("unclosed block: missing }");
        }
        break;
      }
      if (peek() == '}') {
        if (!inBlock) {
          throw error("unexpected }");
        }
        break;
      }
      Pos pos = pos();
      String name = identifier();
      skip(true);
      if (peek() == '=' && peek(1) != '=') {
        at++;
        Expr expr = expr(true);
        if (attributes.put(name, new Hcl.Attribute(name, expr, pos)) != null) {
          throw new Hcl.SyntaxError(pos, "duplicate argument \"" + name + "\"");
        }
      } else {
        List<String> labels = new ArrayList<>();
        while (peek() == '"' || isIdStart(peek())) {
          labels.add(peek() == '"' ? literalLabel() : identifier());
          skip(true);
        }
        expect('{');
        Hcl.Body body = body(true);
        expect('}');
        blocks.add(new Hcl.Block(name, labels, body, pos));
      }
      endOfItem(inBlock);
    }
    return new Hcl.Body(attributes, blocks);
  }

  private String literalLabel() {
    Pos pos = pos();
    Expr label = template();
    if (label instanceof Hcl.Template t && t.parts().stream().allMatch(p -> p instanceof String)) {
      return String.join("", t.parts().stream().map(String.class::cast).toList());
    }
    throw new Hcl.SyntaxError(pos, "a block label must be a literal string");
  }

  /** An attribute or block ends at a newline (or the end of the enclosing block or file). */
  private void endOfItem(boolean inBlock) {
    skip(true);
    if (eof() || inBlock && peek() == '}') {
      return;
    }
    if (peek() != '\n') {
      throw error("expected a newline after the argument or block, found " + describe());
    }
    at++;
  }

  // --- expressions ---------------------------------------------------------------------------------------------

  /** An expression; {@code nl} says whether a newline ends it (true outside brackets). */
  private Expr expr(boolean nl) {
    Pos pos = pos();
    Expr condition = binary(nl, 0);
    skip(nl);
    if (peek() != '?') {
      return condition;
    }
    at++;
    Expr whenTrue = expr(nl);
    skip(nl);
    expect(':');
    Expr whenFalse = expr(nl);
    return new Hcl.Conditional(condition, whenTrue, whenFalse, pos);
  }

  private static final List<List<String>> LEVELS = List.of(List.of("||"), List.of("&&"), List.of("==", "!="),
      List.of("<=", ">=", "<", ">"), List.of("+", "-"), List.of("*", "/", "%"));

  private Expr binary(boolean nl, int level) {
    if (level == LEVELS.size()) {
      return unary(nl);
    }
    Expr left = binary(nl, level + 1);
    while (true) {
      skip(nl);
      String op = operatorAt(LEVELS.get(level));
      if (op == null) {
        return left;
      }
      Pos pos = pos();
      at += op.length();
      Expr right = binary(nl, level + 1);
      left = new Hcl.Binary(op, left, right, pos);
    }
  }

  private String operatorAt(List<String> candidates) {
    for (String op : candidates) {
      if (src.startsWith(op, at)) {
        // "=" after "<" or ">" belongs to the operator; "!=" is not "!"; "/" may start a comment (skipped already).
        if (op.equals("<") || op.equals(">")) {
          if (peek(1) == '=') {
            continue;
          }
        }
        return op;
      }
    }
    return null;
  }

  private Expr unary(boolean nl) {
    skip(nl);
    Pos pos = pos();
    if (peek() == '!' && peek(1) != '=') {
      at++;
      return new Hcl.Unary("!", unary(nl), pos);
    }
    if (peek() == '-' && !Character.isDigit(peek(1))) {
      at++;
      return new Hcl.Unary("-", unary(nl), pos);
    }
    return postfix(nl);
  }

  private Expr postfix(boolean nl) {
    Expr expr = primary(nl);
    while (true) {
      int before = at;
      skip(nl);
      Pos pos = pos();
      if (peek() == '.' && isIdStart(peek(1))) {
        at++;
        expr = new Hcl.GetAttr(expr, identifier(), pos);
      } else if (peek() == '.' && (peek(1) == '*' || Character.isDigit(peek(1)))) {
        throw error("splat and legacy index syntax are not supported by the example replay");
      } else if (peek() == '[') {
        at++;
        skip(false);
        if (peek() == '*') {
          throw error("splat expressions are not supported by the example replay");
        }
        Expr key = expr(false);
        skip(false);
        expect(']');
        expr = new Hcl.Index(expr, key, pos);
      } else {
        at = before;
        return expr;
      }
    }
  }

  private Expr primary(boolean nl) {
    skip(nl);
    Pos pos = pos();
    char c = peek();
    if (Character.isDigit(c) || c == '-' && Character.isDigit(peek(1))) {
      return number();
    }
    switch (c) {
      case '"':
        return template();
      case '(': {
        at++;
        Expr inner = expr(false);
        skip(false);
        expect(')');
        return new Hcl.Parens(inner, pos);
      }
      case '[':
        return tuple();
      case '{':
        return object();
      case '<':
        throw error("heredoc templates are not supported by the example replay");
      default:
        break;
    }
    if (!isIdStart(c)) {
      throw error("expected an expression, found " + describe());
    }
    String name = identifier();
    if (src.startsWith("::", at)) {
      // A provider function (Terraform 1.8): provider::<local name>::<function>(...), a call by its full name.
      StringBuilder qualified = new StringBuilder(name);
      while (src.startsWith("::", at)) {
        at += 2;
        qualified.append("::").append(identifier());
      }
      name = qualified.toString();
      if (peek() != '(') {
        throw error("expected ( after the provider function " + name + ", found " + describe());
      }
    }
    switch (name) {
      case "true":
        return new Hcl.Literal(Value.bool(true), pos);
      case "false":
        return new Hcl.Literal(Value.bool(false), pos);
      case "null":
        return new Hcl.Literal(Value.nullOf(CtyType.DYNAMIC), pos);
      default:
        break;
    }
    int before = at;
    skip(true);
    if (peek() == '(') {
      at++;
      List<Expr> args = new ArrayList<>();
      while (true) {
        skip(false);
        if (peek() == ')') {
          at++;
          break;
        }
        args.add(expr(false));
        skip(false);
        if (src.startsWith("...", at)) {
          throw error("argument expansion (...) is not supported by the example replay");
        }
        if (peek() == ',') {
          at++;
        } else if (peek() != ')') {
          throw error("expected , or ) in the arguments of " + name + "(), found " + describe());
        }
      }
      return new Hcl.Call(name, args, pos);
    }
    at = before;
    return new Hcl.ScopeRef(name, pos);
  }

  private Expr number() {
    Pos pos = pos();
    int start = at;
    if (peek() == '-') {
      at++;
    }
    while (Character.isDigit(peek())) {
      at++;
    }
    if (peek() == '.' && Character.isDigit(peek(1))) {
      at++;
      while (Character.isDigit(peek())) {
        at++;
      }
    }
    if ((peek() == 'e' || peek() == 'E')
        && (Character.isDigit(peek(1)) || (peek(1) == '+' || peek(1) == '-') && Character.isDigit(peek(2)))) {
      at += 2;
      while (Character.isDigit(peek())) {
        at++;
      }
    }
    return Hcl.number(new BigDecimal(src.substring(start, at)), pos);
  }

  private Expr tuple() {
    Pos pos = pos();
    expect('[');
    List<Expr> items = new ArrayList<>();
    while (true) {
      skip(false);
      if (peek() == ']') {
        at++;
        return new Hcl.TupleCons(items, pos);
      }
      refuseFor();
      items.add(expr(false));
      skip(false);
      if (peek() == ',') {
        at++;
      } else if (peek() != ']') {
        throw error("expected , or ] in the tuple, found " + describe());
      }
    }
  }

  private Expr object() {
    Pos pos = pos();
    expect('{');
    List<Hcl.Item> items = new ArrayList<>();
    while (true) {
      skip(false);
      if (peek() == '}') {
        at++;
        return new Hcl.ObjectCons(items, pos);
      }
      refuseFor();
      Pos keyPos = pos();
      Expr key;
      if (peek() == '"') {
        key = template();
      } else if (peek() == '(') {
        key = primary(false);
      } else if (isIdStart(peek())) {
        key = new Hcl.Template(List.of(identifier()), keyPos); // ObjectConsKeyExpr: a bare name is that string
      } else {
        throw error("expected an object key, found " + describe());
      }
      skip(true);
      if (peek() != '=' && peek() != ':') {
        throw error("expected = or : after the object key, found " + describe());
      }
      at++;
      Expr value = expr(true);
      items.add(new Hcl.Item(key, value));
      skip(true);
      if (peek() == ',' || peek() == '\n') {
        at++;
      } else if (peek() != '}') {
        throw error("expected a newline, , or } after the object item, found " + describe());
      }
    }
  }

  private void refuseFor() {
    if (src.startsWith("for", at) && at + 3 < src.length() && Character.isWhitespace(src.charAt(at + 3))) {
      throw error("for expressions are not supported by the example replay");
    }
  }

  /** A quoted template, from its opening quote to its closing quote. */
  private Expr template() {
    Pos pos = pos();
    expect('"');
    List<Object> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    while (true) {
      if (eof() || peek() == '\n') {
        throw new Hcl.SyntaxError(pos, "unterminated template string");
      }
      char c = src.charAt(at++);
      if (c == '"') {
        break;
      }
      if (c == '\\') {
        literal.appendCodePoint(escape());
      } else if (c == '$' && peek() == '$' && peek(1) == '{') {
        literal.append("${");
        at += 2;
      } else if (c == '%' && peek() == '%' && peek(1) == '{') {
        literal.append("%{");
        at += 2;
      } else if (c == '%' && peek() == '{') {
        throw error("template directives (%{...}) are not supported by the example replay");
      } else if (c == '$' && peek() == '{') {
        at++;
        if (peek() == '~') {
          throw error("template strip markers are not supported by the example replay");
        }
        if (literal.length() > 0) {
          parts.add(literal.toString());
          literal.setLength(0);
        }
        parts.add(expr(false));
        skip(false);
        expect('}');
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      parts.add(literal.toString());
    }
    if (parts.size() == 1 && parts.get(0) instanceof Expr only) {
      return new Hcl.TemplateWrap(only, pos);
    }
    return new Hcl.Template(parts, pos);
  }

  /** hclsyntax's quoted-string escapes: \n \r \t \" \\ \\uNNNN \\UNNNNNNNN. */
  private int escape() {
    if (eof()) {
      throw error("unterminated escape sequence");
    }
    char c = src.charAt(at++);
    switch (c) {
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case '"':
        return '"';
      case '\\':
        return '\\';
      case 'u':
      case 'U': {
        int digits = c == 'u' ? 4 : 8;
        if (at + digits > src.length()) {
          throw error("incomplete \\" + c + " escape");
        }
        int codePoint = Integer.parseInt(src.substring(at, at + digits), 16);
        at += digits;
        return codePoint;
      }
      default:
        throw error("invalid escape sequence \\" + c);
    }
  }

  // --- lexical helpers -----------------------------------------------------------------------------------------

  private String identifier() {
    if (!isIdStart(peek())) {
      throw error("expected a name, found " + describe());
    }
    int start = at;
    while (!eof() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '-')) {
      at++;
    }
    return src.substring(start, at);
  }

  private static boolean isIdStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  /** Skips blanks and comments; newlines too unless {@code nl}. A block comment may span lines. */
  private void skip(boolean nl) {
    while (!eof()) {
      char c = peek();
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' && !nl) {
        at++;
      } else if (c == '#' || c == '/' && peek(1) == '/') {
        while (!eof() && peek() != '\n') {
          at++;
        }
      } else if (c == '/' && peek(1) == '*') {
        int end = src.indexOf("*/", at + 2);
        if (end < 0) {
          throw error("unterminated comment");
        }
        at = end + 2;
      } else {
        return;
      }
    }
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected " + c + ", found " + describe());
    }
    at++;
  }

  private boolean eof() {
    return at >= src.length();
  }

  private char peek() {
    return peek(0);
  }

  private char peek(int ahead) {
    return at + ahead < src.length() ? src.charAt(at + ahead) : '\0';
  }

  private String describe() {
    if (eof()) {
      return "the end of the file";
    }
    return peek() == '\n' ? "a newline" : "\"" + peek() + "\"";
  }

  private Pos pos() {
    int line = 1;
    int lineStart = 0;
    for (int i = src.indexOf('\n'); i >= 0 && i < at; i = src.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return new Pos(file, line, at - lineStart + 1);
  }

  private Hcl.SyntaxError error(String message) {
    return new Hcl.SyntaxError(pos(), message);
  }
}
