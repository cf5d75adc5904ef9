package io.pyvider.application.component.envvariables;

import static io.pyvider.application.component.Attributes.knownBool;
import static io.pyvider.application.component.Attributes.knownString;
import static io.pyvider.application.component.Attributes.knownStrings;
import static io.pyvider.application.component.Attributes.stringMap;
import static io.pyvider.application.component.envvariables.EnvVariablesSchema.*;

import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
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
 * Which environment variables a configuration selects and how it shapes them: shared by the data source and the
 * ephemeral resource, so the two can never disagree about what a filter means or what stays hidden.
 */
final class EnvironmentSelection {

  static final String UPPER = "upper";
  static final String LOWER = "lower";

  private EnvironmentSelection() {
  }

  /** The selection: plain and sensitive values by output name, every visible variable, and warnings. */
  record Selected(boolean excludeEmpty, boolean caseSensitive, Map<String, String> plain, Map<String, String> secret,
      Map<String, String> visible, Diagnostics diagnostics) {

    /** The configuration with the defaults and the three result maps filled in. */
    Value.ObjectVal fill(Value.ObjectVal config) {
      Map<String, String> all = new TreeMap<>(plain);
      all.putAll(secret);
      return config
          .with(EXCLUDE_EMPTY, Value.bool(excludeEmpty))
          .with(CASE_SENSITIVE, Value.bool(caseSensitive))
          .with(VALUES, stringMap(plain))
          .with(SENSITIVE_VALUES, stringMap(secret))
          .with(ALL_VALUES, stringMap(all));
    }

    @Override
    public String toString() {
      return "Selected[" + plain.size() + " plain, " + secret.size() + " sensitive (values redacted)]";
    }
  }

  static Diagnostics validate(Value.ObjectVal config) {
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

  /** Selects from {@code environment} (a snapshot of the provider process's variables) what {@code config} asks. */
  static Selected select(Map<String, String> environment, Value.ObjectVal config) {
    boolean excludeEmpty = knownBool(config, EXCLUDE_EMPTY).orElse(true);
    boolean caseSensitive = knownBool(config, CASE_SENSITIVE).orElse(true);
    List<Diagnostic> notes = new ArrayList<>();

    Map<String, String> visible = new TreeMap<>();
    environment.forEach((name, value) -> {
      if (!EnvVariablesDataSource.isHidden(name)) {
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
    return new Selected(excludeEmpty, caseSensitive, plain, secret, visible, Diagnostics.of(notes));
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
