package io.pyvider.application.component.envvariables;

import static io.pyvider.application.component.Attributes.knownBool;
import static io.pyvider.application.component.Attributes.knownString;
import static io.pyvider.application.component.Attributes.knownStrings;
import static io.pyvider.application.component.Attributes.stringMap;
import static io.pyvider.application.component.envvariables.EnvVariablesSchema.*;

import io.pyvider.application.component.DataReadResult;
import io.pyvider.application.component.DataSource;
import io.pyvider.application.component.ProviderContext;
import io.pyvider.application.port.out.Environment;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code pyvider_env_variables}: selected variables of the provider process's environment (through the {@link
 * Environment} port), split into plain and sensitive values. The provider's own secrets and plugin plumbing never
 * appear in any output.
 */
public final class EnvVariablesDataSource implements DataSource {

  /** Variables never returned, compared ignoring case: the provider's keys and go-plugin's handshake. */
  public static final Set<String> HIDDEN_NAMES = Set.of("TF_PLUGIN_MAGIC_COOKIE", "TF_REATTACH_PROVIDERS");

  /** Name prefixes never returned, compared ignoring case. */
  public static final List<String> HIDDEN_PREFIXES = List.of("PYVIDER_PRIVATE_STATE_", "PLUGIN_");

  static final String UPPER = "upper";
  static final String LOWER = "lower";

  private final Environment environment;

  public EnvVariablesDataSource(Environment environment) {
    this.environment = environment;
  }

  @Override
  public String typeName() {
    return TYPE_NAME;
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  /** Whether a variable belongs to the provider itself and must never be returned. */
  public static boolean isHidden(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    return HIDDEN_NAMES.contains(upper) || HIDDEN_PREFIXES.stream().anyMatch(upper::startsWith);
  }

  @Override
  public Diagnostics validate(Value.ObjectVal config, ProviderContext provider) {
    List<Diagnostic> problems = new ArrayList<>();
    List<String> filters = FILTERS.stream()
        .filter(name -> !config.get(name).isNull() && config.get(name).isKnown()).toList();
    if (filters.size() > 1) {
      problems.add(Diagnostic.error(AttributePath.attribute(filters.get(1)), "Conflicting filters",
          "Only one of keys, prefix or regex can be set; this configuration sets " + String.join(" and ", filters)
              + "."));
    }
    knownString(config, REGEX).ifPresent(regex -> {
      try {
        Pattern.compile(regex);
      } catch (PatternSyntaxException invalid) {
        problems.add(Diagnostic.error(AttributePath.attribute(REGEX), "Invalid regex",
            "regex is not a valid Java regular expression: " + invalid.getDescription() + (invalid.getIndex() >= 0
                ? " near index " + invalid.getIndex() : "") + "."));
      }
    });
    for (String transform : List.of(TRANSFORM_KEYS, TRANSFORM_VALUES)) {
      knownString(config, transform).filter(value -> !UPPER.equals(value) && !LOWER.equals(value))
          .ifPresent(value -> problems.add(Diagnostic.error(AttributePath.attribute(transform),
              "Invalid " + transform, transform + " must be \"upper\" or \"lower\", not \"" + value + "\".")));
    }
    return Diagnostics.of(problems);
  }

  @Override
  public DataReadResult read(Value.ObjectVal config, ProviderContext provider) {
    boolean excludeEmpty = knownBool(config, EXCLUDE_EMPTY).orElse(true);
    boolean caseSensitive = knownBool(config, CASE_SENSITIVE).orElse(true);
    List<Diagnostic> notes = new ArrayList<>();

    Map<String, String> visible = new TreeMap<>();
    environment.snapshot().forEach((name, value) -> {
      if (!isHidden(name)) {
        visible.put(name, value);
      }
    });

    Predicate<String> selected = selector(config, caseSensitive, notes);
    Optional<String> keyTransform = knownString(config, TRANSFORM_KEYS);
    Optional<String> valueTransform = knownString(config, TRANSFORM_VALUES);
    Set<String> secretNames = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    secretNames.addAll(knownStrings(config, SENSITIVE_KEYS).orElse(List.of()));

    Map<String, String> plain = new TreeMap<>();
    Map<String, String> secret = new TreeMap<>();
    Map<String, String> originalOf = new TreeMap<>();
    for (Map.Entry<String, String> variable : visible.entrySet()) {
      String name = variable.getKey();
      String value = variable.getValue();
      if (!selected.test(name) || (excludeEmpty && value.isEmpty())) {
        continue;
      }
      String outName = transform(keyTransform, name);
      String previous = originalOf.putIfAbsent(outName, name);
      if (previous != null) {
        notes.add(Diagnostic.warning(AttributePath.attribute(TRANSFORM_KEYS), "Variable names collide",
            "\"" + previous + "\" and \"" + name + "\" both become \"" + outName + "\"; the value of \"" + previous
                + "\" is returned."));
        continue;
      }
      boolean sensitive = secretNames.contains(name) || secretNames.contains(outName);
      (sensitive ? secret : plain).put(outName, transform(valueTransform, value));
    }
    Map<String, String> all = new TreeMap<>(plain);
    all.putAll(secret);

    Value.ObjectVal state = config
        .with(EXCLUDE_EMPTY, Value.bool(excludeEmpty))
        .with(CASE_SENSITIVE, Value.bool(caseSensitive))
        .with(VALUES, stringMap(plain))
        .with(SENSITIVE_VALUES, stringMap(secret))
        .with(ALL_VALUES, stringMap(all))
        .with(ALL_ENVIRONMENT, stringMap(visible));
    return new DataReadResult(state, Diagnostics.of(notes));
  }

  /** Which names the configured filter selects; everything when no filter is set. */
  private static Predicate<String> selector(Value.ObjectVal config, boolean caseSensitive, List<Diagnostic> notes) {
    Optional<List<String>> keys = knownStrings(config, KEYS);
    if (keys.isPresent()) {
      List<String> withheld = keys.get().stream().filter(EnvVariablesDataSource::isHidden).toList();
      if (!withheld.isEmpty()) {
        notes.add(Diagnostic.warning(AttributePath.attribute(KEYS), "Variables withheld",
            String.join(", ", withheld) + (withheld.size() == 1 ? " is" : " are") + " the provider's own secret "
                + "or plugin plumbing and never returned by pyvider_env_variables."));
      }
      Set<String> wanted = caseSensitive ? new TreeSet<>() : new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      wanted.addAll(keys.get());
      return wanted::contains;
    }
    Optional<String> prefix = knownString(config, PREFIX);
    if (prefix.isPresent()) {
      String wanted = prefix.get();
      return caseSensitive ? name -> name.startsWith(wanted)
          : name -> name.regionMatches(true, 0, wanted, 0, wanted.length());
    }
    Optional<String> regex = knownString(config, REGEX);
    if (regex.isPresent()) {
      Pattern pattern = Pattern.compile(regex.get(),
          caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
      return name -> pattern.matcher(name).matches();
    }
    return name -> true;
  }

  private static String transform(Optional<String> how, String text) {
    if (how.isEmpty()) {
      return text;
    }
    return switch (how.get()) {
      case UPPER -> text.toUpperCase(Locale.ROOT);
      case LOWER -> text.toLowerCase(Locale.ROOT);
      default -> text;
    };
  }
}
