package io.pyvider.bootstrap.e2e;

import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Refinements;
import io.pyvider.domain.terraform.cty.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Terraform's own consistency rules for provider answers, re-implemented here for flat schemas from Terraform
 * v1.15.9 (internal/plans/objchange: ProposedNew, AssertPlanValid, AssertObjectCompatible) without looking at the
 * provider's version of them. Each check returns Terraform's complaints; empty means Terraform accepts the answer.
 */
final class TerraformChecks {

  private TerraformChecks() {
  }

  /** objchange.ProposedNew: config values, except computed attributes left null in config, which keep the prior. */
  static Value proposedNew(ResourceSchema schema, Value prior, Value config) {
    if (config.isNull()) {
      return prior.isNull() ? prior : Value.nullOf(schema.impliedType());
    }
    Value.ObjectVal configObject = (Value.ObjectVal) config;
    Map<String, Value> proposed = new TreeMap<>();
    for (ResourceSchema.Attr attribute : schema.attributes().values()) {
      Value configured = configObject.get(attribute.name());
      Value priorValue = prior.isNull() ? Value.nullOf(attribute.type())
          : ((Value.ObjectVal) prior).get(attribute.name());
      proposed.put(attribute.name(), attribute.computed() && configured.isNull() ? priorValue : configured);
    }
    return Value.ObjectVal.of(proposed);
  }

  /** objchange.AssertPlanValid: "Provider produced invalid plan" reasons. */
  static List<String> planProblems(ResourceSchema schema, Value prior, Value config, Value planned) {
    List<String> problems = new ArrayList<>();
    if (planned.isNull() && !config.isNull()) {
      problems.add("planned for absence but config wants existence");
      return problems;
    }
    if (config.isNull() && !planned.isNull()) {
      problems.add("planned for existence but config wants absence");
      return problems;
    }
    if (planned.isNull()) {
      return problems;
    }
    if (!planned.isKnown()) {
      problems.add("the planned object itself is unknown");
      return problems;
    }
    for (ResourceSchema.Attr attribute : schema.attributes().values()) {
      Value configValue = ((Value.ObjectVal) config).get(attribute.name());
      Value priorValue = prior.isNull() ? Value.nullOf(attribute.type())
          : ((Value.ObjectVal) prior).get(attribute.name());
      Value plannedValue = ((Value.ObjectVal) planned).get(attribute.name());
      String problem = attributeProblem(attribute, priorValue, configValue, plannedValue);
      if (problem != null) {
        problems.add("." + attribute.name() + ": " + problem);
      }
    }
    return problems;
  }

  private static String attributeProblem(ResourceSchema.Attr a, Value prior, Value config, Value planned) {
    if (planned.equals(config)) {
      return null;
    }
    if (planned.equals(prior) && !prior.isNull() && !config.isNull()) {
      return null;
    }
    if (a.writeOnly()) {
      return planned.isNull() ? null : "planned value for write-only attribute is not null";
    }
    if (a.computed() && !a.optional()) {
      return null;
    }
    if (config.isNull() && a.computed()) {
      return null;
    }
    if (config.isNull() && !planned.isNull()) {
      return a.sensitive() ? "sensitive planned value for a non-computed attribute"
          : "planned value " + planned + " for a non-computed attribute";
    }
    if (prior.isNull()) {
      return a.sensitive() ? "sensitive planned value does not match config value"
          : "planned value " + planned + " does not match config value " + config;
    }
    return a.sensitive() ? "sensitive planned value does not match config value nor prior value"
        : "planned value " + planned + " does not match config value " + config + " nor prior value " + prior;
  }

  /**
   * objchange.AssertObjectCompatible: the actual object (the apply result, or the apply-time re-plan) keeps every
   * known planned value, and fills every unknown one with a value its refinements admit.
   */
  static List<String> compatibilityProblems(ResourceSchema schema, Value planned, Value actual) {
    List<String> problems = new ArrayList<>();
    if (planned.isNull() && !actual.isNull()) {
      problems.add("Root object was absent, but now present");
    } else if (actual.isNull() && !planned.isNull()) {
      problems.add("Root object was present, but now absent");
    } else if (!planned.isNull()) {
      for (ResourceSchema.Attr attribute : schema.attributes().values()) {
        List<String> more = new ArrayList<>();
        compatible(((Value.ObjectVal) planned).get(attribute.name()),
            ((Value.ObjectVal) actual).get(attribute.name()), "." + attribute.name(), more);
        if (!more.isEmpty() && attribute.sensitive()) {
          problems.add("." + attribute.name() + ": inconsistent values for sensitive attribute");
        } else {
          problems.addAll(more);
        }
      }
    }
    return problems;
  }

  private static void compatible(Value planned, Value actual, String path, List<String> problems) {
    if (!planned.type().equals(actual.type()) && planned.type() != CtyType.DYNAMIC) {
      problems.add(path + ": wrong final value type");
      return;
    }
    if (planned instanceof Value.Unknown placeholder) {
      String broken = refinementProblem(placeholder.refinements(), actual);
      if (broken != null) {
        problems.add(path + ": final value " + actual + " does not conform to planning placeholder (" + broken + ")");
      }
      return;
    }
    if (planned.isNull() || actual.isNull()) {
      if (planned.isNull() != actual.isNull()) {
        problems.add(path + ": was " + planned + ", but now " + actual);
      }
      return;
    }
    if (!actual.isKnown()) {
      problems.add(path + ": was known, but now unknown");
      return;
    }
    if (planned instanceof Value.MapVal plannedMap && actual instanceof Value.MapVal actualMap) {
      if (!plannedMap.entries().keySet().equals(actualMap.entries().keySet())) {
        problems.add(path + ": keys changed from " + plannedMap.entries().keySet() + " to "
            + actualMap.entries().keySet());
        return;
      }
      plannedMap.entries().forEach((key, value) ->
          compatible(value, actualMap.entries().get(key), path + "[\"" + key + "\"]", problems));
      return;
    }
    if (planned instanceof Value.ListVal plannedList && actual instanceof Value.ListVal actualList) {
      if (plannedList.elements().size() != actualList.elements().size()) {
        problems.add(path + ": length changed");
        return;
      }
      for (int i = 0; i < plannedList.elements().size(); i++) {
        compatible(plannedList.elements().get(i), actualList.elements().get(i), path + "[" + i + "]", problems);
      }
      return;
    }
    if (!planned.equals(actual)) {
      problems.add(path + ": was " + planned + ", but now " + actual);
    }
  }

  /** Whether a final value keeps the promises of a refined unknown (cty's Range().Includes). */
  private static String refinementProblem(Refinements promised, Value actual) {
    if (!actual.isKnown()) {
      return null;
    }
    if (actual.isNull()) {
      return promised.definitelyNotNull() ? "it was promised not to be null" : null;
    }
    if (promised.stringPrefix() != null && actual instanceof Value.Str s
        && !s.value().startsWith(promised.stringPrefix())) {
      return "it does not start with \"" + promised.stringPrefix() + "\"";
    }
    if (actual instanceof Value.Num n) {
      BigDecimal number = n.value();
      if (promised.lowerBound() != null && (number.compareTo(promised.lowerBound()) < 0
          || number.compareTo(promised.lowerBound()) == 0 && !promised.lowerInclusive())) {
        return "below the lower bound";
      }
      if (promised.upperBound() != null && (number.compareTo(promised.upperBound()) > 0
          || number.compareTo(promised.upperBound()) == 0 && !promised.upperInclusive())) {
        return "above the upper bound";
      }
    }
    long length = actual.length();
    if (length >= 0 && (promised.lengthLowerBound() != null && length < promised.lengthLowerBound()
        || promised.lengthUpperBound() != null && length > promised.lengthUpperBound())) {
      return "length " + length + " outside the promised bounds";
    }
    return null;
  }

  /** Paths of unknown values inside a value (Terraform: "still indicated an unknown value"). */
  static List<String> unknownPaths(Value value) {
    List<String> paths = new ArrayList<>();
    collectUnknown(value, "", paths);
    return paths;
  }

  private static void collectUnknown(Value value, String path, List<String> paths) {
    if (!value.isKnown()) {
      paths.add(path.isEmpty() ? "(root)" : path);
    } else if (value instanceof Value.ObjectVal object) {
      object.attributes().forEach((name, v) -> collectUnknown(v, path + "." + name, paths));
    } else if (value instanceof Value.MapVal map) {
      map.entries().forEach((key, v) -> collectUnknown(v, path + "[\"" + key + "\"]", paths));
    } else if (value instanceof Value.ListVal list) {
      for (int i = 0; i < list.elements().size(); i++) {
        collectUnknown(list.elements().get(i), path + "[" + i + "]", paths);
      }
    } else if (value instanceof Value.SetVal set) {
      set.elements().forEach(v -> collectUnknown(v, path + "[?]", paths));
    }
  }

  /** ephemeral.ValidateWriteOnlyAttributes: write-only attributes must be null in anything Terraform keeps. */
  static List<String> writeOnlyViolations(ResourceSchema schema, Value value) {
    List<String> violations = new ArrayList<>();
    if (value instanceof Value.ObjectVal object) {
      schema.attributes().values().stream().filter(ResourceSchema.Attr::writeOnly)
          .filter(a -> !object.get(a.name()).isNull()).forEach(a -> violations.add(a.name()));
    }
    return violations;
  }

  /** Terraform's equality for deciding NoOp and requires_replace: only wholly known equal values are equal. */
  static boolean knownEqual(Value a, Value b) {
    return a.isWhollyKnown() && b.isWhollyKnown() && a.equals(b);
  }
}
