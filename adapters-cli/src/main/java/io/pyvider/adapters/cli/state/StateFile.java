package io.pyvider.adapters.cli.state;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pyvider.adapters.cli.PlainWords;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Terraform state file, format version 4 (Terraform 0.12 and later), read in one streaming pass: every resource
 * instance object in every module, with count and for_each keys and deposed objects, keeping only what a
 * {@link Selection} asks for, so a state of any size reads in little memory. Each way a file can be unusable gives a
 * {@link StateFileException} whose message names the file and the problem in one line.
 *
 * <p>A part that holds resources, instances or attributes in the wrong shape fails the whole read, whichever
 * resource it is in (an audit that skipped it could pass while a token in it has expired), and the message names the
 * resource by address and position. Null is a wrong shape for a list or an object. Only what Terraform may leave out
 * may be missing: {@code module}, {@code index_key}, {@code deposed}, {@code status}, {@code schema_version},
 * {@code private}, {@code attributes} (legacy instances keep {@code attributes_flat}), and {@code resources} (a state
 * with no resources).
 */
public final class StateFile {

  /** The state format this reads (TF {@code internal/states/statefile/version4.go}). */
  public static final int FORMAT_VERSION = 4;

  /**
   * How deep values may nest. Terraform's values nest a few levels; the cap keeps reading a kept instance's
   * attributes (which recurses) far from the end of the stack. Strings, numbers and names have no cap: states hold
   * files and blobs of any size, and only the attributes of selected instances are held in memory.
   */
  public static final int MAX_NESTING_DEPTH = 1000;

  private static final String STANDARD_INPUT = "standard input";

  private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("Unrecognized token '([^']{0,40})");
  private static final Pattern UNMATCHED_CLOSE = Pattern.compile("Unexpected close marker '(.)': expected '(.)'");
  private static final Pattern UNEXPECTED_CHARACTER = Pattern.compile("Unexpected character \\('(.)' \\(code");

  private static final String DAMAGED = "; Terraform never writes that, so the state was edited or damaged: repair it "
      + "or restore a backup";

  private static final JsonFactory JSON = new JsonFactoryBuilder()
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE)
          .maxNumberLength(Integer.MAX_VALUE).maxNameLength(Integer.MAX_VALUE).maxNestingDepth(MAX_NESTING_DEPTH)
          .build())
      .disable(StreamReadFeature.AUTO_CLOSE_SOURCE) // standard input belongs to the caller
      // Subquadratic conversion of long number literals: the JDK's takes tens of seconds for a million digits.
      .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
      .build();

  /**
   * Attributes as trees. Only their text is ever read, so a fractional number is a double: as a BigDecimal, one whose
   * exponent does not fit an int (1e9999999999) would fail the read with an exception no message explains.
   */
  private static final ObjectMapper TREES = new ObjectMapper(JSON);

  private final String name;
  private final List<ResourceInstance> instances;

  private StateFile(String name, List<ResourceInstance> instances) {
    this.name = name;
    this.instances = Collections.unmodifiableList(instances);
  }

  /** Reads {@code source}: a path, or {@code -} for standard input (as {@code terraform state pull} writes it). */
  public static StateFile read(String source, InputStream stdin, Selection selection) throws StateFileException {
    if ("-".equals(source)) {
      // Only the process's own descriptor 0 can have been closed at launch; a stream handed in is what it is.
      if (stdin == System.in) {
        Optional<String> problem = StandardInput.problem();
        if (problem.isPresent()) {
          throw new StateFileException(problem.get());
        }
      }
      return parse(STANDARD_INPUT, stdin, selection);
    }
    Path path;
    try {
      path = Path.of(source);
    } catch (InvalidPathException bad) {
      throw new StateFileException("\"" + source + "\" is not a usable file name: " + bad.getReason());
    }
    if (Files.isDirectory(path)) {
      throw new StateFileException(source + " is a directory, not a state file (pass the terraform.tfstate file "
          + "inside it, or - to read `terraform state pull` from standard input)");
    }
    try (InputStream file = open(path, source)) {
      return parse(source, file, selection);
    } catch (IOException closing) {
      throw new StateFileException("cannot read state file " + source + ": " + PlainWords.of(closing));
    }
  }

  private static InputStream open(Path path, String source) throws StateFileException {
    try {
      return Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      throw new StateFileException("state file " + source + " does not exist");
    } catch (AccessDeniedException e) {
      throw new StateFileException("cannot read state file " + source + ": permission denied");
    } catch (IOException e) {
      throw new StateFileException("cannot read state file " + source + ": " + PlainWords.of(e));
    }
  }

  /** Reads a state from {@code input}; {@code name} is how messages refer to it. */
  public static StateFile parse(String name, InputStream input, Selection selection) throws StateFileException {
    JsonParser parser;
    try {
      parser = JSON.createParser(input);
    } catch (IOException e) {
      throw new StateFileException("cannot read " + name + ": " + PlainWords.of(e));
    }
    try (parser) {
      try {
        return new StateFile(name, new Reader(name, parser, selection).instances());
      } catch (StreamConstraintsException tooDeep) {
        // Told here, while the parser is open: the exception carries no place, and a closed parser knows none.
        throw new StateFileException(name + " nests values more than " + MAX_NESTING_DEPTH + " levels deep ("
            + at(parser.currentLocation()).strip() + "), which no Terraform state does: it is damaged or not a "
            + "state");
      }
    } catch (JsonEOFException e) {
      throw new StateFileException(name + " is truncated: its JSON ends" + at(e.getLocation())
          + " before the state is complete");
    } catch (JsonParseException e) {
      throw new StateFileException(name + " is not JSON" + at(e.getLocation()) + ": " + syntax(e));
    } catch (JsonProcessingException e) {
      throw new StateFileException(name + " is not JSON" + at(e.getLocation()) + ": malformed JSON");
    } catch (IOException e) {
      throw new StateFileException("cannot read " + name + ": " + PlainWords.of(e));
    }
  }

  /** The file's name as messages use it ({@code standard input} for {@code -}). */
  public String name() {
    return name;
  }

  /** Every listed instance object, in the order of the file (Terraform writes resources sorted by address). */
  public List<ResourceInstance> instances() {
    return instances;
  }

  /** Every listed managed instance object of this resource type. */
  public List<ResourceInstance> managed(String type) {
    return instances.stream().filter(i -> i.managed() && i.type().equals(type)).toList();
  }

  /** One instance object as read, before its resource's module, mode, type and name are all known. */
  private record InstanceFields(Object indexKey, String deposed, String status, long schemaVersion,
      boolean hasPrivateState, JsonNode attributes, String privateBase64) {

    ResourceInstance of(String module, Selection.Resource resource, boolean withContent) {
      String address = Addresses.resource(module, resource.mode(), resource.type(), resource.name());
      return new ResourceInstance(address + Addresses.indexSuffix(indexKey),
          module, resource.mode(), resource.type(), resource.name(), indexKey, deposed, status, schemaVersion,
          hasPrivateState, withContent ? attributes : null, withContent ? privateBase64 : null);
    }
  }

  /** What to keep of one resource's instances. */
  private record Keep(boolean instances, boolean content) {

    /** Before the resource's mode, type and name are known: everything, decided again at the resource's end. */
    static final Keep UNDECIDED = new Keep(true, true);

    static Keep of(Selection selection, Selection.Resource resource) {
      boolean listed = selection.lists().test(resource);
      return new Keep(listed, listed && selection.reads().test(resource));
    }
  }

  /** One pass over the tokens of a state; keeps the instances its selection asks for. */
  private static final class Reader {

    private final String name;
    private final JsonParser parser;
    private final Selection selection;
    private final List<ResourceInstance> kept = new ArrayList<>();
    /** The first wrong shape in the resource being read, and where: told once the resource's address is known. */
    private String problem;
    private String problemAt;

    Reader(String name, JsonParser parser, Selection selection) {
      this.name = name;
      this.parser = parser;
      this.selection = selection;
    }

    List<ResourceInstance> instances() throws IOException, StateFileException {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new StateFileException(STANDARD_INPUT.equals(name)
            ? "standard input is empty: pipe the state in (terraform state pull | … --state -) or pass the state "
                + "file instead of -"
            : name + " is empty: a Terraform state file is a JSON object");
      }
      if (first != JsonToken.START_OBJECT) {
        throw new StateFileException(name + " is not a Terraform state file: it holds " + shape(first)
            + ", not an object");
      }
      boolean versioned = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "version" -> {
            // Checked as soon as it is read: Terraform writes it first, so an older or newer format is named as such
            // before its other fields are taken for version 4's.
            version(value);
            versioned = true;
          }
          case "resources" -> resources(value);
          default -> parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        throw new StateFileException(name + " is not JSON" + at(parser.currentTokenLocation())
            + ": more follows the end of the state object");
      }
      if (!versioned) {
        throw noVersion();
      }
      return kept;
    }

    private void version(JsonToken value) throws IOException, StateFileException {
      long format = wholeNumber(value).orElseThrow(this::noVersion);
      if (format < FORMAT_VERSION) {
        throw new StateFileException(name + " is state format version " + format + " (Terraform 0.11 or older); "
            + "only version 4 is read: let Terraform 0.12 or later upgrade it (any terraform plan or refresh does)");
      }
      if (format > FORMAT_VERSION) {
        throw new StateFileException(name + " is state format version " + format + ", newer than the version 4 "
            + "this command reads");
      }
    }

    private StateFileException noVersion() {
      return new StateFileException(name + " is not a Terraform state file: it has no numeric \"version\" field");
    }

    private void resources(JsonToken value) throws IOException, StateFileException {
      if (value != JsonToken.START_ARRAY) {
        throw new StateFileException(name + " is malformed: \"resources\" is " + shape(value) + ", not a list"
            + DAMAGED);
      }
      for (int r = 0; parser.nextToken() != JsonToken.END_ARRAY; r++) {
        resource("resources[" + r + "]");
      }
    }

    private void resource(String where) throws IOException, StateFileException {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        throw new StateFileException(name + ": " + where + " is malformed: it is " + shape(parser.currentToken())
            + ", not an object" + DAMAGED);
      }
      problem = null;
      String mode = null;
      String type = null;
      String resourceName = null;
      String module = null;
      List<InstanceFields> instances = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "mode" -> mode = textOrNull(value);
          case "type" -> type = textOrNull(value);
          case "name" -> resourceName = textOrNull(value);
          case "module" -> module = optionalText(value, where, field);
          case "instances" -> {
            // Terraform writes mode, type and name first, so what to keep is known before the instances stream past;
            // in any other order they are kept until the resource's end.
            Keep keep = mode != null && type != null && resourceName != null
                ? Keep.of(selection, new Selection.Resource(mode, type, resourceName)) : Keep.UNDECIDED;
            instances = instances(value, where, keep);
          }
          default -> parser.skipChildren();
        }
      }
      requireText(mode, "mode", where);
      requireText(type, "type", where);
      requireText(resourceName, "name", where);
      if (instances == null) {
        malformed(where, "it has no \"instances\" list");
      }
      if (problem != null) {
        throw new StateFileException(name + ": " + Addresses.resource(module == null ? "" : module, mode, type,
            resourceName) + " (" + problemAt + ") is malformed: " + problem + DAMAGED);
      }
      Selection.Resource resource = new Selection.Resource(mode, type, resourceName);
      Keep keep = Keep.of(selection, resource);
      if (keep.instances()) {
        for (InstanceFields instance : instances) {
          kept.add(instance.of(module == null ? "" : module, resource, keep.content()));
        }
      }
    }

    private List<InstanceFields> instances(JsonToken value, String where, Keep keep) throws IOException {
      List<InstanceFields> read = new ArrayList<>();
      if (value != JsonToken.START_ARRAY) {
        malformed(where, "\"instances\" is " + shape(value) + ", not a list");
        return read;
      }
      for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
        Optional<InstanceFields> instance = instance(where + ".instances[" + i + "]", keep.content());
        if (keep.instances() && instance.isPresent()) {
          read.add(instance.get());
        }
      }
      return read;
    }

    private Optional<InstanceFields> instance(String where, boolean withContent) throws IOException {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        malformed(where, "it is " + shape(parser.currentToken()) + ", not an object");
        return Optional.empty();
      }
      Object indexKey = null;
      String deposed = null;
      String status = null;
      long schemaVersion = 0;
      boolean hasPrivateState = false;
      JsonNode attributes = null;
      String privateBase64 = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "index_key" -> indexKey = indexKey(value, where);
          case "schema_version" -> schemaVersion = schemaVersion(value, where);
          case "deposed" -> deposed = optionalText(value, where, field);
          case "status" -> status = optionalText(value, where, field);
          case "attributes" -> attributes = attributes(value, where, withContent);
          case "private" -> {
            String sealed = optionalText(value, where, field);
            hasPrivateState = sealed != null && !sealed.isEmpty();
            privateBase64 = withContent && hasPrivateState ? sealed : null;
          }
          default -> parser.skipChildren();
        }
      }
      return Optional.of(new InstanceFields(indexKey, deposed, status, schemaVersion, hasPrivateState, attributes,
          privateBase64));
    }

    private Object indexKey(JsonToken value, String where) throws IOException {
      if (value == JsonToken.VALUE_NULL) {
        return null;
      }
      if (value == JsonToken.VALUE_STRING) {
        return parser.getText();
      }
      Optional<Long> number = wholeNumber(value);
      if (number.isEmpty()) {
        malformed(where, value.isNumeric() ? "\"index_key\" is not a whole number"
            : "\"index_key\" is " + shape(value) + ", not a number or a string");
      }
      return number.orElse(null);
    }

    private long schemaVersion(JsonToken value, String where) throws IOException {
      if (value == JsonToken.VALUE_NULL) {
        return 0;
      }
      Optional<Long> number = wholeNumber(value);
      if (number.isEmpty()) {
        malformed(where, "\"schema_version\" is not a whole number");
      }
      return number.orElse(0L);
    }

    private JsonNode attributes(JsonToken value, String where, boolean withContent) throws IOException {
      if (value != JsonToken.START_OBJECT) {
        malformed(where, "\"attributes\" is " + shape(value) + ", not an object");
        return null;
      }
      if (withContent) {
        return TREES.readTree(parser);
      }
      parser.skipChildren();
      return null;
    }

    private String textOrNull(JsonToken value) throws IOException {
      parser.skipChildren();
      return value == JsonToken.VALUE_STRING ? parser.getText() : null;
    }

    private String optionalText(JsonToken value, String where, String field) throws IOException {
      if (value == JsonToken.VALUE_NULL) {
        return null;
      }
      if (value != JsonToken.VALUE_STRING) {
        malformed(where, "\"" + field + "\" is " + shape(value) + ", not a string");
        return null;
      }
      return parser.getText();
    }

    /** Without these the resource cannot even be named: the read fails here. */
    private void requireText(String value, String field, String where) throws StateFileException {
      if (value == null) {
        throw new StateFileException(name + ": " + where + " is malformed: it has no \"" + field + "\" string"
            + DAMAGED);
      }
    }

    /** Notes the resource's first wrong shape (told at its end, with its address) and skips the value. */
    private void malformed(String where, String what) throws IOException {
      if (problem == null) {
        problem = what;
        problemAt = where;
      }
      parser.skipChildren();
    }

    /** The current number as a long, when it is a whole number that fits. */
    private Optional<Long> wholeNumber(JsonToken value) throws IOException {
      if (value == JsonToken.VALUE_NUMBER_INT) {
        // Told without converting: an integer of more digits than a long's is not one, whatever its length.
        JsonParser.NumberType type = parser.getNumberType();
        return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG
            ? Optional.of(parser.getLongValue()) : Optional.empty();
      }
      if (value != JsonToken.VALUE_NUMBER_FLOAT) {
        return Optional.empty();
      }
      try {
        return Optional.of(parser.getDecimalValue().longValueExact());
      } catch (NumberFormatException exponentBeyondInt) {
        return Optional.empty(); // 1e9999999999: beyond BigDecimal, let alone a long
      } catch (ArithmeticException fractionOrTooLarge) {
        return Optional.empty();
      }
    }
  }

  /** What a value is, for messages: {@code null}, {@code a JSON array}, {@code a JSON string}. */
  private static String shape(JsonToken token) {
    if (token == null || token == JsonToken.VALUE_NULL) {
      return "null";
    }
    return "a JSON " + switch (token) {
      case START_ARRAY -> "array";
      case START_OBJECT -> "object";
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      default -> "boolean";
    };
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /**
   * What a JSON syntax error is, in words. Jackson's messages name its internals (character codes, its features, its
   * expectations in its own terms), so the common ones are told again; any other is "malformed JSON", with its place.
   */
  private static String syntax(JsonParseException e) {
    String jackson = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (jackson.startsWith("Invalid UTF-") || e.getCause() instanceof CharConversionException) {
      return "it is not UTF-8 text";
    }
    if (jackson.startsWith("Illegal unquoted character")) {
      return "a control character inside a string that should have been escaped";
    }
    Matcher found = UNRECOGNIZED_TOKEN.matcher(jackson);
    if (found.lookingAt()) {
      return "unexpected text '" + found.group(1) + "'";
    }
    found = UNMATCHED_CLOSE.matcher(jackson);
    if (found.lookingAt()) {
      return "a '" + found.group(1) + "' where '" + found.group(2) + "' should close the "
          + ("]".equals(found.group(2)) ? "list" : "object");
    }
    found = UNEXPECTED_CHARACTER.matcher(jackson);
    if (found.lookingAt()) {
      String expected = jackson.contains("double-quote to start field name") ? "a field name in quotes"
          : jackson.contains("comma to separate Object entries") ? "a ',' or '}'"
          : jackson.contains("comma to separate Array entries") ? "a ',' or ']'"
          : jackson.contains("colon to separate field name and value") ? "a ':'"
          : "a value";
      return "a '" + found.group(1) + "' where " + expected + " should be";
    }
    return "malformed JSON";
  }
}
