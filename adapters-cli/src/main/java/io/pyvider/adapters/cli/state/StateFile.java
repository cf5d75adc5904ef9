package io.pyvider.adapters.cli.state;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A Terraform state file, format version 4 (Terraform 0.12 and later), read with Jackson: every resource instance
 * object in every module, with count and for_each keys and deposed objects. Each way a file can be unusable gives a
 * {@link StateFileException} whose message names the file and the problem in one line.
 */
public final class StateFile {

  /** The state format this reads (TF {@code internal/states/statefile/version4.go}). */
  public static final int FORMAT_VERSION = 4;

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final String name;
  private final List<ResourceInstance> instances;

  private StateFile(String name, List<ResourceInstance> instances) {
    this.name = name;
    this.instances = Collections.unmodifiableList(instances);
  }

  /** Reads {@code source}: a path, or {@code -} for standard input (as {@code terraform state pull} writes it). */
  public static StateFile read(String source, InputStream stdin) throws StateFileException {
    if ("-".equals(source)) {
      try {
        return parse("standard input", stdin.readAllBytes());
      } catch (IOException e) {
        throw new StateFileException("cannot read the state from standard input: " + describe(e));
      }
    }
    Path path = Path.of(source);
    if (Files.isDirectory(path)) {
      throw new StateFileException(source + " is a directory, not a state file (pass the terraform.tfstate file "
          + "inside it, or - to read `terraform state pull` from standard input)");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new StateFileException("state file " + source + " does not exist");
    } catch (AccessDeniedException e) {
      throw new StateFileException("cannot read state file " + source + ": permission denied");
    } catch (IOException e) {
      throw new StateFileException("cannot read state file " + source + ": " + describe(e));
    }
    return parse(source, bytes);
  }

  /** Parses the bytes of a state file; {@code name} is how messages refer to it. */
  public static StateFile parse(String name, byte[] bytes) throws StateFileException {
    if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
      throw new StateFileException(name + " is empty: a Terraform state file is a JSON object");
    }
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (JsonEOFException e) {
      throw new StateFileException(name + " is truncated: its JSON ends" + at(e.getLocation())
          + " before the state is complete");
    } catch (JsonParseException e) {
      throw new StateFileException(name + " is not JSON" + at(e.getLocation()) + ": "
          + firstLine(e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      throw new StateFileException(name + " is not valid JSON" + at(e.getLocation()) + ": "
          + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new StateFileException("cannot read " + name + ": " + describe(e));
    }
    if (root == null || !root.isObject()) {
      throw new StateFileException(name + " is not a Terraform state file: it holds a JSON "
          + kind(root) + ", not an object");
    }
    JsonNode version = root.get("version");
    if (version == null || !version.canConvertToExactIntegral()) {
      throw new StateFileException(name + " is not a Terraform state file: it has no numeric \"version\" field");
    }
    long format = version.asLong();
    if (format < FORMAT_VERSION) {
      throw new StateFileException(name + " is state format version " + format + " (Terraform 0.11 or older); "
          + "only version 4 is read: let Terraform 0.12 or later upgrade it (any terraform plan or refresh does)");
    }
    if (format > FORMAT_VERSION) {
      throw new StateFileException(name + " is state format version " + format + ", newer than the version 4 "
          + "this command reads");
    }
    return new StateFile(name, instances(name, root.get("resources")));
  }

  private static List<ResourceInstance> instances(String name, JsonNode resources) throws StateFileException {
    List<ResourceInstance> found = new ArrayList<>();
    if (resources == null || resources.isNull()) {
      return found;
    }
    if (!resources.isArray()) {
      throw new StateFileException(name + " is not a valid state file: \"resources\" is a JSON " + kind(resources)
          + ", not a list");
    }
    for (int r = 0; r < resources.size(); r++) {
      JsonNode resource = resources.get(r);
      String where = name + ": resources[" + r + "]";
      if (!resource.isObject()) {
        throw new StateFileException(where + " is a JSON " + kind(resource) + ", not a resource object");
      }
      String mode = requiredText(resource, "mode", where);
      String type = requiredText(resource, "type", where);
      String resourceName = requiredText(resource, "name", where);
      String module = optionalText(resource, "module", where).orElse("");
      JsonNode list = resource.get("instances");
      if (list == null || list.isNull()) {
        continue;
      }
      if (!list.isArray()) {
        throw new StateFileException(where + " (" + type + "." + resourceName + "): \"instances\" is not a list");
      }
      for (int i = 0; i < list.size(); i++) {
        found.add(instance(list.get(i), where + ".instances[" + i + "]", module, mode, type, resourceName));
      }
    }
    return found;
  }

  private static ResourceInstance instance(JsonNode instance, String where, String module, String mode, String type,
      String resourceName) throws StateFileException {
    if (!instance.isObject()) {
      throw new StateFileException(where + " is a JSON " + kind(instance) + ", not an instance object");
    }
    Object key = null;
    JsonNode indexKey = instance.get("index_key");
    if (indexKey != null && !indexKey.isNull()) {
      if (indexKey.isTextual()) {
        key = indexKey.asText();
      } else if (indexKey.canConvertToExactIntegral()) {
        key = indexKey.asLong();
      } else {
        throw new StateFileException(where + ": \"index_key\" must be a number or a string, not a JSON "
            + kind(indexKey));
      }
    }
    JsonNode schemaVersion = instance.get("schema_version");
    if (schemaVersion != null && !schemaVersion.isNull() && !schemaVersion.canConvertToExactIntegral()) {
      throw new StateFileException(where + ": \"schema_version\" is not a whole number");
    }
    JsonNode attributes = instance.get("attributes");
    if (attributes != null && !attributes.isNull() && !attributes.isObject()) {
      throw new StateFileException(where + ": \"attributes\" is a JSON " + kind(attributes) + ", not an object");
    }
    String prefix = (module.isEmpty() ? "" : module + ".") + ("data".equals(mode) ? "data." : "");
    String address = prefix + type + "." + resourceName + Addresses.indexSuffix(key);
    return new ResourceInstance(address, module, mode, type, resourceName, key,
        optionalText(instance, "deposed", where).orElse(null), optionalText(instance, "status", where).orElse(null),
        schemaVersion == null || schemaVersion.isNull() ? 0 : schemaVersion.asLong(),
        attributes == null || attributes.isNull() ? null : attributes,
        optionalText(instance, "private", where).filter(p -> !p.isEmpty()).orElse(null));
  }

  private static String requiredText(JsonNode node, String field, String where) throws StateFileException {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new StateFileException(where + " has no \"" + field + "\" string: not a version-4 resource");
    }
    return value.asText();
  }

  private static Optional<String> optionalText(JsonNode node, String field, String where) throws StateFileException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new StateFileException(where + ": \"" + field + "\" is a JSON " + kind(value) + ", not a string");
    }
    return Optional.of(value.asText());
  }

  /** The file's name as messages use it ({@code standard input} for {@code -}). */
  public String name() {
    return name;
  }

  /** Every instance object, in the order of the file (Terraform writes resources sorted by address). */
  public List<ResourceInstance> instances() {
    return instances;
  }

  /** Every managed instance object of this resource type. */
  public List<ResourceInstance> managed(String type) {
    return instances.stream().filter(i -> i.managed() && i.type().equals(type)).toList();
  }

  private static String kind(JsonNode node) {
    if (node == null || node.isNull()) {
      return "null";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> "array";
      case OBJECT -> "object";
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "malformed JSON";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
