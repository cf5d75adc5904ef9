package io.pyvider.bootstrap.examples;

import io.pyvider.domain.terraform.cty.Value;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Terraform's {@code yamlencode}: zclconf/go-cty-yaml v1.1.0 (encode.go {@code Converter.marshal}, unchanged from
 * v1.0.1 to v1.2.0) turns the value into YAML events, which its copy of the libyaml emitter (emitterc.go, a Go port of
 * libyaml 0.1.x) writes out. Both are ported here rule for rule, for block style (the Standard converter), so the bytes
 * are Terraform's:
 * <ul>
 *   <li>every string is requested double-quoted, keys included ({@code "a": "b"}), and a string containing a line feed
 *       is requested as a literal block ({@code |-}, {@code |} or {@code |+} by its trailing line breaks); the emitter
 *       falls back to double quotes where a block is not allowed (trailing space, a space before a line break, special
 *       characters, or a mapping key);</li>
 *   <li>numbers, bools and null are plain scalars ({@code big.Float.Text('f', -1)} for numbers);</li>
 *   <li>object attributes and map keys in sorted order (cty iterates them so);</li>
 *   <li>mappings indent their content by 2; a sequence that is a mapping value is not indented ({@code "key":} then
 *       {@code - item} at the key's column); a mapping inside a sequence starts on the {@code - } line;</li>
 *   <li>empty sequences and mappings as flow {@code []} and {@code {}};</li>
 *   <li>double-quoted scalars are folded at spaces once past column 80 (libyaml's best_width), except in keys;</li>
 *   <li>a document holding a single plain scalar ends with {@code ...} (libyaml's open_ended).</li>
 * </ul>
 */
final class YamlEncode {

  private YamlEncode() {
  }

  /** YAML for a wholly known value. */
  static String encode(Value value) {
    List<Event> events = new ArrayList<>();
    events.add(new Event(Kind.STREAM_START, null, null));
    events.add(new Event(Kind.DOCUMENT_START, null, null));
    marshal(value, events);
    events.add(new Event(Kind.DOCUMENT_END, null, null));
    events.add(new Event(Kind.STREAM_END, null, null));
    Emitter emitter = new Emitter(events);
    emitter.run();
    return emitter.out.toString(StandardCharsets.UTF_8);
  }

  /** encode.go marshalEmit. */
  private static void marshal(Value value, List<Event> events) {
    if (value.isNull()) {
      events.add(scalar("null", Style.PLAIN));
      return;
    }
    if (!value.isKnown()) {
      throw new IllegalArgumentException("cannot serialize unknown value as YAML");
    }
    if (value instanceof Value.Str s) {
      events.add(scalar(s.value(), s.value().contains("\n") ? Style.LITERAL : Style.DOUBLE_QUOTED));
    } else if (value instanceof Value.Num n) {
      events.add(scalar(JsonEncode.numberText(n.value()), Style.PLAIN));
    } else if (value instanceof Value.Bool b) {
      events.add(scalar(b.value() ? "true" : "false", Style.PLAIN));
    } else if (value instanceof Value.TupleVal || value instanceof Value.ListVal || value instanceof Value.SetVal) {
      if (value instanceof Value.SetVal) {
        throw new IllegalArgumentException("sets are not used by the examples; their cty order is not modelled");
      }
      List<Value> elements = value instanceof Value.TupleVal t ? t.elements() : ((Value.ListVal) value).elements();
      events.add(new Event(Kind.SEQUENCE_START, null, null));
      elements.forEach(element -> marshal(element, events));
      events.add(new Event(Kind.SEQUENCE_END, null, null));
    } else if (value instanceof Value.ObjectVal || value instanceof Value.MapVal) {
      Map<String, Value> entries = value instanceof Value.ObjectVal o ? o.attributes() : ((Value.MapVal) value).entries();
      events.add(new Event(Kind.MAPPING_START, null, null));
      JsonEncode.sortedKeys(entries.keySet()).forEach(key -> {
        events.add(scalar(key, key.contains("\n") ? Style.LITERAL : Style.DOUBLE_QUOTED));
        marshal(entries.get(key), events);
      });
      events.add(new Event(Kind.MAPPING_END, null, null));
    } else {
      throw new IllegalArgumentException("can't marshal " + value.type().toJson() + " as YAML");
    }
  }

  private static Event scalar(String text, Style style) {
    return new Event(Kind.SCALAR, text.getBytes(StandardCharsets.UTF_8), style);
  }

  private enum Kind { STREAM_START, STREAM_END, DOCUMENT_START, DOCUMENT_END, SEQUENCE_START, SEQUENCE_END,
    MAPPING_START, MAPPING_END, SCALAR }

  private enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL }

  /** A libyaml event; every scalar is implicit and quoted-implicit (no tags are ever written). */
  private record Event(Kind kind, byte[] value, Style style) {
  }

  private enum State { STREAM_START, FIRST_DOCUMENT_START, DOCUMENT_START, DOCUMENT_CONTENT, DOCUMENT_END,
    FLOW_SEQUENCE_FIRST_ITEM, FLOW_SEQUENCE_ITEM, FLOW_MAPPING_FIRST_KEY, FLOW_MAPPING_KEY,
    FLOW_MAPPING_SIMPLE_VALUE, FLOW_MAPPING_VALUE, BLOCK_SEQUENCE_FIRST_ITEM, BLOCK_SEQUENCE_ITEM,
    BLOCK_MAPPING_FIRST_KEY, BLOCK_MAPPING_KEY, BLOCK_MAPPING_SIMPLE_VALUE, BLOCK_MAPPING_VALUE, END }

  /** emitterc.go, the parts reachable from go-cty-yaml's events; names follow the Go functions. */
  private static final class Emitter {
    private final List<Event> events;
    private int head;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private State state = State.STREAM_START;
    private final List<State> states = new ArrayList<>();
    private final List<Integer> indents = new ArrayList<>();
    private int indent;
    private int flowLevel;
    private boolean rootContext;
    private boolean sequenceContext;
    private boolean mappingContext;
    private boolean simpleKeyContext;
    private int column;
    private boolean whitespace;
    private boolean indention;
    private boolean openEnded;
    private int bestIndent;
    private int bestWidth; // yaml_emitter_initialize leaves it 0; stream start turns that into 80

    private byte[] scalarValue;
    private boolean multiline;
    private boolean flowPlainAllowed;
    private boolean blockPlainAllowed;
    private boolean singleQuotedAllowed;
    private boolean blockAllowed;
    private Style scalarStyle;

    Emitter(List<Event> events) {
      this.events = events;
    }

    void run() {
      for (head = 0; head < events.size(); head++) {
        Event event = events.get(head);
        analyzeEvent(event);
        stateMachine(event);
      }
    }

    // --- output primitives (put, put_break, write, write_all, write_break) -----------------------------------

    private void put(int b) {
      out.write(b);
      column++;
    }

    private void putBreak() {
      out.write('\n');
      column = 0;
    }

    /** Copies one UTF-8 character; returns the index after it. */
    private int write(byte[] s, int i) {
      int w = width(s[i]);
      out.write(s, i, w);
      column++;
      return i + w;
    }

    private void writeAll(String s) {
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < bytes.length; ) {
        i = write(bytes, i);
      }
    }

    private int writeBreak(byte[] s, int i) {
      if (s[i] == '\n') {
        putBreak();
        return i + 1;
      }
      int next = write(s, i);
      column = 0;
      return next;
    }

    // --- the state machine -----------------------------------------------------------------------------------

    private void increaseIndent(boolean flow, boolean indentless) {
      indents.add(indent);
      if (indent < 0) {
        indent = flow ? bestIndent : 0;
      } else if (!indentless) {
        indent += bestIndent;
      }
    }

    private int popIndent() {
      return indents.remove(indents.size() - 1);
    }

    private State popState() {
      return states.remove(states.size() - 1);
    }

    private void stateMachine(Event event) {
      switch (state) {
        case STREAM_START -> emitStreamStart(event);
        case FIRST_DOCUMENT_START -> emitDocumentStart(event, true);
        case DOCUMENT_START -> emitDocumentStart(event, false);
        case DOCUMENT_CONTENT -> emitDocumentContent(event);
        case DOCUMENT_END -> emitDocumentEnd(event);
        case FLOW_SEQUENCE_FIRST_ITEM -> emitFlowSequenceItem(event, true);
        case FLOW_SEQUENCE_ITEM -> emitFlowSequenceItem(event, false);
        case FLOW_MAPPING_FIRST_KEY -> emitFlowMappingKey(event, true);
        case FLOW_MAPPING_KEY -> emitFlowMappingKey(event, false);
        case FLOW_MAPPING_SIMPLE_VALUE -> emitFlowMappingValue(event, true);
        case FLOW_MAPPING_VALUE -> emitFlowMappingValue(event, false);
        case BLOCK_SEQUENCE_FIRST_ITEM -> emitBlockSequenceItem(event, true);
        case BLOCK_SEQUENCE_ITEM -> emitBlockSequenceItem(event, false);
        case BLOCK_MAPPING_FIRST_KEY -> emitBlockMappingKey(event, true);
        case BLOCK_MAPPING_KEY -> emitBlockMappingKey(event, false);
        case BLOCK_MAPPING_SIMPLE_VALUE -> emitBlockMappingValue(event, true);
        case BLOCK_MAPPING_VALUE -> emitBlockMappingValue(event, false);
        case END -> throw new IllegalStateException("expected nothing after STREAM-END");
        default -> throw new IllegalStateException("invalid emitter state");
      }
    }

    private void emitStreamStart(Event event) {
      expectKind(event, Kind.STREAM_START);
      if (bestIndent < 2 || bestIndent > 9) {
        bestIndent = 2;
      }
      if (bestWidth >= 0 && bestWidth <= bestIndent * 2) {
        bestWidth = 80;
      }
      if (bestWidth < 0) {
        bestWidth = Integer.MAX_VALUE;
      }
      indent = -1;
      column = 0;
      whitespace = true;
      indention = true;
      state = State.FIRST_DOCUMENT_START;
    }

    private void emitDocumentStart(Event event, boolean first) {
      if (event.kind() == Kind.DOCUMENT_START) {
        boolean implicit = first; // implicit document start, no directives; a later document is never implicit
        if (!implicit) {
          writeIndent();
          writeIndicator("---", true, false, false);
        }
        state = State.DOCUMENT_CONTENT;
        return;
      }
      expectKind(event, Kind.STREAM_END);
      if (openEnded) {
        writeIndicator("...", true, false, false);
        writeIndent();
      }
      state = State.END;
    }

    private void emitDocumentContent(Event event) {
      states.add(State.DOCUMENT_END);
      emitNode(event, true, false, false, false);
    }

    private void emitDocumentEnd(Event event) {
      expectKind(event, Kind.DOCUMENT_END);
      writeIndent(); // the document end is implicit: no "..."
      state = State.DOCUMENT_START;
    }

    private void emitFlowSequenceItem(Event event, boolean first) {
      if (first) {
        writeIndicator("[", true, true, false);
        increaseIndent(true, false);
        flowLevel++;
      }
      if (event.kind() == Kind.SEQUENCE_END) {
        flowLevel--;
        indent = popIndent();
        writeIndicator("]", false, false, false);
        state = popState();
        return;
      }
      if (!first) {
        writeIndicator(",", false, false, false);
      }
      if (column > bestWidth) {
        writeIndent();
      }
      states.add(State.FLOW_SEQUENCE_ITEM);
      emitNode(event, false, true, false, false);
    }

    private void emitFlowMappingKey(Event event, boolean first) {
      if (first) {
        writeIndicator("{", true, true, false);
        increaseIndent(true, false);
        flowLevel++;
      }
      if (event.kind() == Kind.MAPPING_END) {
        flowLevel--;
        indent = popIndent();
        writeIndicator("}", false, false, false);
        state = popState();
        return;
      }
      if (!first) {
        writeIndicator(",", false, false, false);
      }
      if (column > bestWidth) {
        writeIndent();
      }
      if (checkSimpleKey()) {
        states.add(State.FLOW_MAPPING_SIMPLE_VALUE);
        emitNode(event, false, false, true, true);
        return;
      }
      writeIndicator("?", true, false, false);
      states.add(State.FLOW_MAPPING_VALUE);
      emitNode(event, false, false, true, false);
    }

    private void emitFlowMappingValue(Event event, boolean simple) {
      if (simple) {
        writeIndicator(":", false, false, false);
      } else {
        if (column > bestWidth) {
          writeIndent();
        }
        writeIndicator(":", true, false, false);
      }
      states.add(State.FLOW_MAPPING_KEY);
      emitNode(event, false, false, true, false);
    }

    private void emitBlockSequenceItem(Event event, boolean first) {
      if (first) {
        increaseIndent(false, mappingContext && !indention);
      }
      if (event.kind() == Kind.SEQUENCE_END) {
        indent = popIndent();
        state = popState();
        return;
      }
      writeIndent();
      writeIndicator("-", true, false, true);
      states.add(State.BLOCK_SEQUENCE_ITEM);
      emitNode(event, false, true, false, false);
    }

    private void emitBlockMappingKey(Event event, boolean first) {
      if (first) {
        increaseIndent(false, false);
      }
      if (event.kind() == Kind.MAPPING_END) {
        indent = popIndent();
        state = popState();
        return;
      }
      writeIndent();
      if (checkSimpleKey()) {
        states.add(State.BLOCK_MAPPING_SIMPLE_VALUE);
        emitNode(event, false, false, true, true);
        return;
      }
      writeIndicator("?", true, false, true);
      states.add(State.BLOCK_MAPPING_VALUE);
      emitNode(event, false, false, true, false);
    }

    private void emitBlockMappingValue(Event event, boolean simple) {
      if (simple) {
        writeIndicator(":", false, false, false);
      } else {
        writeIndent();
        writeIndicator(":", true, false, true);
      }
      states.add(State.BLOCK_MAPPING_KEY);
      emitNode(event, false, false, true, false);
    }

    private void emitNode(Event event, boolean root, boolean sequence, boolean mapping, boolean simpleKey) {
      rootContext = root;
      sequenceContext = sequence;
      mappingContext = mapping;
      simpleKeyContext = simpleKey;
      switch (event.kind()) {
        case SCALAR -> emitScalar();
        case SEQUENCE_START -> state = flowLevel > 0 || checkEmptySequence()
            ? State.FLOW_SEQUENCE_FIRST_ITEM : State.BLOCK_SEQUENCE_FIRST_ITEM;
        case MAPPING_START -> state = flowLevel > 0 || checkEmptyMapping()
            ? State.FLOW_MAPPING_FIRST_KEY : State.BLOCK_MAPPING_FIRST_KEY;
        default -> throw new IllegalStateException(
            "expected SCALAR, SEQUENCE-START, MAPPING-START, or ALIAS, but got " + event.kind());
      }
    }

    private void emitScalar() {
      selectScalarStyle();
      increaseIndent(true, false);
      processScalar();
      indent = popIndent();
      state = popState();
    }

    private boolean checkEmptySequence() {
      return head + 1 < events.size() && events.get(head).kind() == Kind.SEQUENCE_START
          && events.get(head + 1).kind() == Kind.SEQUENCE_END;
    }

    private boolean checkEmptyMapping() {
      return head + 1 < events.size() && events.get(head).kind() == Kind.MAPPING_START
          && events.get(head + 1).kind() == Kind.MAPPING_END;
    }

    private boolean checkSimpleKey() {
      Event event = events.get(head);
      int length;
      switch (event.kind()) {
        case SCALAR -> {
          if (multiline) {
            return false;
          }
          length = scalarValue.length;
        }
        case SEQUENCE_START -> {
          if (!checkEmptySequence()) {
            return false;
          }
          length = 0;
        }
        case MAPPING_START -> {
          if (!checkEmptyMapping()) {
            return false;
          }
          length = 0;
        }
        default -> {
          return false;
        }
      }
      return length <= 128;
    }

    /** yaml_emitter_select_scalar_style, for untagged implicit scalars (no canonical output). */
    private void selectScalarStyle() {
      Style style = events.get(head).style();
      if (simpleKeyContext && multiline) {
        style = Style.DOUBLE_QUOTED;
      }
      if (style == Style.PLAIN) {
        if (flowLevel > 0 && !flowPlainAllowed || flowLevel == 0 && !blockPlainAllowed) {
          style = Style.SINGLE_QUOTED;
        }
        if (scalarValue.length == 0 && (flowLevel > 0 || simpleKeyContext)) {
          style = Style.SINGLE_QUOTED;
        }
      }
      if (style == Style.SINGLE_QUOTED && !singleQuotedAllowed) {
        style = Style.DOUBLE_QUOTED;
      }
      if (style == Style.LITERAL && (!blockAllowed || flowLevel > 0 || simpleKeyContext)) {
        style = Style.DOUBLE_QUOTED;
      }
      scalarStyle = style;
    }

    private void processScalar() {
      switch (scalarStyle) {
        case PLAIN -> writePlainScalar(scalarValue, !simpleKeyContext);
        case SINGLE_QUOTED -> writeSingleQuotedScalar(scalarValue, !simpleKeyContext);
        case DOUBLE_QUOTED -> writeDoubleQuotedScalar(scalarValue, !simpleKeyContext);
        case LITERAL -> writeLiteralScalar(scalarValue);
        default -> throw new IllegalStateException("unknown scalar style");
      }
    }

    private void analyzeEvent(Event event) {
      scalarValue = null;
      if (event.kind() == Kind.SCALAR) {
        analyzeScalar(event.value());
      }
    }

    /** yaml_emitter_analyze_scalar. */
    private void analyzeScalar(byte[] value) {
      scalarValue = value;
      if (value.length == 0) {
        multiline = false;
        flowPlainAllowed = false;
        blockPlainAllowed = true;
        singleQuotedAllowed = true;
        blockAllowed = false;
        return;
      }
      boolean blockIndicators = false;
      boolean flowIndicators = false;
      boolean lineBreaks = false;
      boolean specialCharacters = false;
      boolean leadingSpace = false;
      boolean leadingBreak = false;
      boolean trailingSpace = false;
      boolean trailingBreak = false;
      boolean breakSpace = false;
      boolean spaceBreak = false;
      boolean previousSpace = false;
      boolean previousBreak = false;
      if (value.length >= 3 && (value[0] == '-' && value[1] == '-' && value[2] == '-'
          || value[0] == '.' && value[1] == '.' && value[2] == '.')) {
        blockIndicators = true;
        flowIndicators = true;
      }
      boolean precededByWhitespace = true;
      for (int i = 0, w; i < value.length; i += w) {
        w = width(value[i]);
        boolean followedByWhitespace = i + w >= value.length || isBlank(value, i + w);
        if (i == 0) {
          switch (value[i]) {
            case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' -> {
              flowIndicators = true;
              blockIndicators = true;
            }
            case '?', ':' -> {
              flowIndicators = true;
              if (followedByWhitespace) {
                blockIndicators = true;
              }
            }
            case '-' -> {
              if (followedByWhitespace) {
                flowIndicators = true;
                blockIndicators = true;
              }
            }
            default -> {
            }
          }
        } else {
          switch (value[i]) {
            case ',', '?', '[', ']', '{', '}' -> flowIndicators = true;
            case ':' -> {
              flowIndicators = true;
              if (followedByWhitespace) {
                blockIndicators = true;
              }
            }
            case '#' -> {
              if (precededByWhitespace) {
                flowIndicators = true;
                blockIndicators = true;
              }
            }
            default -> {
            }
          }
        }
        if (!isPrintable(value, i)) { // emitter.unicode is set: non-ASCII printable characters are fine
          specialCharacters = true;
        }
        if (value[i] == ' ') {
          if (i == 0) {
            leadingSpace = true;
          }
          if (i + w == value.length) {
            trailingSpace = true;
          }
          if (previousBreak) {
            breakSpace = true;
          }
          previousSpace = true;
          previousBreak = false;
        } else if (isBreak(value, i)) {
          lineBreaks = true;
          if (i == 0) {
            leadingBreak = true;
          }
          if (i + w == value.length) {
            trailingBreak = true;
          }
          if (previousSpace) {
            spaceBreak = true;
          }
          previousSpace = false;
          previousBreak = true;
        } else {
          previousSpace = false;
          previousBreak = false;
        }
        precededByWhitespace = isBlankz(value, i);
      }
      multiline = lineBreaks;
      flowPlainAllowed = true;
      blockPlainAllowed = true;
      singleQuotedAllowed = true;
      blockAllowed = true;
      if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
        flowPlainAllowed = false;
        blockPlainAllowed = false;
      }
      if (trailingSpace) {
        blockAllowed = false;
      }
      if (breakSpace) {
        flowPlainAllowed = false;
        blockPlainAllowed = false;
        singleQuotedAllowed = false;
      }
      if (spaceBreak || specialCharacters) {
        flowPlainAllowed = false;
        blockPlainAllowed = false;
        singleQuotedAllowed = false;
        blockAllowed = false;
      }
      if (lineBreaks) {
        flowPlainAllowed = false;
        blockPlainAllowed = false;
      }
      if (flowIndicators) {
        flowPlainAllowed = false;
      }
      if (blockIndicators) {
        blockPlainAllowed = false;
      }
    }

    // --- writers ---------------------------------------------------------------------------------------------

    private void writeIndent() {
      int target = Math.max(indent, 0);
      if (!indention || column > target || column == target && !whitespace) {
        putBreak();
      }
      while (column < target) {
        put(' ');
      }
      whitespace = true;
      indention = true;
    }

    private void writeIndicator(String indicator, boolean needWhitespace, boolean isWhitespace,
        boolean isIndention) {
      if (needWhitespace && !whitespace) {
        put(' ');
      }
      writeAll(indicator);
      whitespace = isWhitespace;
      indention = indention && isIndention;
      openEnded = false;
    }

    private void writePlainScalar(byte[] value, boolean allowBreaks) {
      if (!whitespace) {
        put(' ');
      }
      boolean spaces = false;
      boolean breaks = false;
      for (int i = 0; i < value.length; ) {
        if (value[i] == ' ') {
          if (allowBreaks && !spaces && column > bestWidth && !(i + 1 < value.length && value[i + 1] == ' ')) {
            writeIndent();
            i += width(value[i]);
          } else {
            i = write(value, i);
          }
          spaces = true;
        } else if (isBreak(value, i)) {
          if (!breaks && value[i] == '\n') {
            putBreak();
          }
          i = writeBreak(value, i);
          indention = true;
          breaks = true;
        } else {
          if (breaks) {
            writeIndent();
          }
          i = write(value, i);
          indention = false;
          spaces = false;
          breaks = false;
        }
      }
      whitespace = false;
      indention = false;
      if (rootContext) {
        openEnded = true;
      }
    }

    private void writeSingleQuotedScalar(byte[] value, boolean allowBreaks) {
      writeIndicator("'", true, false, false);
      boolean spaces = false;
      boolean breaks = false;
      for (int i = 0; i < value.length; ) {
        if (value[i] == ' ') {
          if (allowBreaks && !spaces && column > bestWidth && i > 0 && i < value.length - 1
              && !(value[i + 1] == ' ')) {
            writeIndent();
            i += width(value[i]);
          } else {
            i = write(value, i);
          }
          spaces = true;
        } else if (isBreak(value, i)) {
          if (!breaks && value[i] == '\n') {
            putBreak();
          }
          i = writeBreak(value, i);
          indention = true;
          breaks = true;
        } else {
          if (breaks) {
            writeIndent();
          }
          if (value[i] == '\'') {
            put('\'');
          }
          i = write(value, i);
          indention = false;
          spaces = false;
          breaks = false;
        }
      }
      writeIndicator("'", false, false, false);
      whitespace = false;
      indention = false;
    }

    private void writeDoubleQuotedScalar(byte[] value, boolean allowBreaks) {
      boolean spaces = false;
      writeIndicator("\"", true, false, false);
      for (int i = 0; i < value.length; ) {
        if (!isPrintable(value, i) || isBom(value) || isBreak(value, i) || value[i] == '"' || value[i] == '\\') {
          int octet = value[i] & 0xFF;
          int w;
          int v;
          if ((octet & 0x80) == 0) {
            w = 1;
            v = octet & 0x7F;
          } else if ((octet & 0xE0) == 0xC0) {
            w = 2;
            v = octet & 0x1F;
          } else if ((octet & 0xF0) == 0xE0) {
            w = 3;
            v = octet & 0x0F;
          } else {
            w = 4;
            v = octet & 0x07;
          }
          for (int k = 1; k < w; k++) {
            v = (v << 6) + (value[i + k] & 0x3F);
          }
          i += w;
          put('\\');
          switch (v) {
            case 0x00 -> put('0');
            case 0x07 -> put('a');
            case 0x08 -> put('b');
            case 0x09 -> put('t');
            case 0x0A -> put('n');
            case 0x0B -> put('v');
            case 0x0C -> put('f');
            case 0x0D -> put('r');
            case 0x1B -> put('e');
            case 0x22 -> put('"');
            case 0x5C -> put('\\');
            case 0x85 -> put('N');
            case 0xA0 -> put('_');
            case 0x2028 -> put('L');
            case 0x2029 -> put('P');
            default -> {
              int digits;
              if (v <= 0xFF) {
                put('x');
                digits = 2;
              } else if (v <= 0xFFFF) {
                put('u');
                digits = 4;
              } else {
                put('U');
                digits = 8;
              }
              for (int k = (digits - 1) * 4; k >= 0; k -= 4) {
                int digit = (v >> k) & 0x0F;
                put(digit < 10 ? '0' + digit : 'A' + digit - 10);
              }
            }
          }
          spaces = false;
        } else if (value[i] == ' ') {
          if (allowBreaks && !spaces && column > bestWidth && i > 0 && i < value.length - 1) {
            writeIndent();
            if (value[i + 1] == ' ') {
              put('\\');
            }
            i += width(value[i]);
          } else {
            i = write(value, i);
          }
          spaces = true;
        } else {
          i = write(value, i);
          spaces = false;
        }
      }
      writeIndicator("\"", false, false, false);
      whitespace = false;
      indention = false;
    }

    private void writeBlockScalarHints(byte[] value) {
      if (value[0] == ' ' || isBreak(value, 0)) {
        writeIndicator(String.valueOf((char) ('0' + bestIndent)), false, false, false);
      }
      openEnded = false;
      String chomp = null;
      int i = value.length - 1;
      while ((value[i] & 0xC0) == 0x80) {
        i--;
      }
      if (!isBreak(value, i)) {
        chomp = "-";
      } else if (i == 0) {
        chomp = "+";
        openEnded = true;
      } else {
        i--;
        while ((value[i] & 0xC0) == 0x80) {
          i--;
        }
        if (isBreak(value, i)) {
          chomp = "+";
          openEnded = true;
        }
      }
      if (chomp != null) {
        writeIndicator(chomp, false, false, false);
      }
    }

    private void writeLiteralScalar(byte[] value) {
      writeIndicator("|", true, false, false);
      writeBlockScalarHints(value);
      putBreak();
      indention = true;
      whitespace = true;
      boolean breaks = true;
      for (int i = 0; i < value.length; ) {
        if (isBreak(value, i)) {
          i = writeBreak(value, i);
          indention = true;
          breaks = true;
        } else {
          if (breaks) {
            writeIndent();
          }
          i = write(value, i);
          indention = false;
          breaks = false;
        }
      }
    }

    private static void expectKind(Event event, Kind kind) {
      if (event.kind() != kind) {
        throw new IllegalStateException("expected " + kind + ", got " + event.kind());
      }
    }
  }

  // --- yamlprivateh.go character classes (on UTF-8 bytes) ----------------------------------------------------

  private static int at(byte[] b, int i) {
    return i < b.length ? b[i] & 0xFF : 0;
  }

  static boolean isPrintable(byte[] b, int i) {
    int c = at(b, i);
    int c1 = at(b, i + 1);
    int c2 = at(b, i + 2);
    return c == 0x0A || c >= 0x20 && c <= 0x7E || c == 0xC2 && c1 >= 0xA0 || c > 0xC2 && c < 0xED
        || c == 0xED && c1 < 0xA0 || c == 0xEE
        || c == 0xEF && !(c1 == 0xBB && c2 == 0xBF) && !(c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF));
  }

  /** Go's is_bom looks at the start of the value whatever the index (a quirk kept as is). */
  private static boolean isBom(byte[] b) {
    return at(b, 0) == 0xEF && at(b, 1) == 0xBB && at(b, 2) == 0xBF;
  }

  static boolean isBreak(byte[] b, int i) {
    int c = at(b, i);
    return c == '\r' || c == '\n' || c == 0xC2 && at(b, i + 1) == 0x85
        || c == 0xE2 && at(b, i + 1) == 0x80 && (at(b, i + 2) == 0xA8 || at(b, i + 2) == 0xA9);
  }

  private static boolean isBlank(byte[] b, int i) {
    int c = at(b, i);
    return c == ' ' || c == '\t';
  }

  private static boolean isBlankz(byte[] b, int i) {
    return isBlank(b, i) || isBreak(b, i) || at(b, i) == 0;
  }

  private static int width(byte b) {
    int c = b & 0xFF;
    if ((c & 0x80) == 0) {
      return 1;
    }
    if ((c & 0xE0) == 0xC0) {
      return 2;
    }
    if ((c & 0xF0) == 0xE0) {
      return 3;
    }
    if ((c & 0xF8) == 0xF0) {
      return 4;
    }
    return 0;
  }
}
