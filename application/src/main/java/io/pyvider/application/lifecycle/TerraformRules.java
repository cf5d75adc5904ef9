package io.pyvider.application.lifecycle;

import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checks Terraform v1.15 applies to a provider's answers (plans/objchange AssertPlanValid and
 * AssertObjectCompatible), run on our own answers before they leave the process, so a component bug becomes a clear
 * diagnostic instead of Terraform's "Provider produced invalid plan".
 */
final class TerraformRules {

  private TerraformRules() {
  }

  /** Problems with a planned state, given prior state and configuration (all objects of {@code block}). */
  static List<String> planProblems(Block block, Value prior, Value config, Value planned) {
    List<String> problems = new ArrayList<>();
    if (config.isNull()) {
      if (!planned.isNull()) {
        problems.add("planned a non-null value for an object that is being destroyed");
      }
      return problems;
    }
    if (planned.isNull()) {
      problems.add("planned for absence but the configuration wants the object to exist");
      return problems;
    }
    if (!(planned instanceof Value.ObjectVal plannedObject) || !(config instanceof Value.ObjectVal configObject)) {
      problems.add("the planned state is not an object");
      return problems;
    }
    ValueConformance.problem(planned, block.impliedType(), AttributePath.ROOT).ifPresent(problems::add);
    if (!problems.isEmpty()) {
      return problems;
    }
    Value.ObjectVal priorObject = prior instanceof Value.ObjectVal p ? p : null;
    for (Map.Entry<String, Attribute> entry : block.attributes().entrySet()) {
      String name = entry.getKey();
      Attribute attribute = entry.getValue();
      Value plannedValue = plannedObject.get(name);
      Value configValue = configObject.get(name);
      Value priorValue = priorObject == null ? Value.nullOf(attribute.type()) : priorObject.get(name);
      AttributePath path = AttributePath.attribute(name);
      if (attribute.writeOnly()) {
        // Its configured value reaches the provider, never the plan: null is the only valid planned value.
        if (!plannedValue.isNull()) {
          problems.add(path + ": a write-only attribute must be planned as null");
        }
        continue;
      }
      plannedValueProblem(attribute, priorValue, configValue, plannedValue, path).ifPresent(problems::add);
    }
    return problems;
  }

  private static java.util.Optional<String> plannedValueProblem(Attribute attribute, Value prior, Value config,
      Value planned, AttributePath path) {
    if (unrefined(planned).equals(unrefined(config))) {
      return java.util.Optional.empty();
    }
    if (unrefined(planned).equals(unrefined(prior)) && !prior.isNull() && !config.isNull()) {
      return java.util.Optional.empty();
    }
    if (attribute.computedOnly() || (config.isNull() && attribute.computed())) {
      return java.util.Optional.empty();
    }
    if (config.isNull()) {
      return java.util.Optional.of(path + ": planned a value for a non-computed attribute that is not configured");
    }
    return java.util.Optional.of(path + ": planned value does not match the configured value"
        + (prior.isNull() ? "" : " nor the prior value"));
  }

  private static Value unrefined(Value value) {
    return value instanceof Value.Unknown u ? Value.unknown(u.type()) : value;
  }

  /** Problems with an apply result relative to its plan: known planned values must stay, unknowns must be filled. */
  static List<String> applyProblems(Block block, Value planned, Value actual) {
    List<String> problems = new ArrayList<>();
    if (planned.isNull() != actual.isNull()) {
      problems.add(planned.isNull() ? "returned an object after destroying it" : "returned null where an object was planned");
      return problems;
    }
    if (actual.isNull()) {
      return problems;
    }
    ValueConformance.problem(actual, block.impliedType(), AttributePath.ROOT).ifPresent(problems::add);
    if (!actual.isWhollyKnown()) {
      problems.add("the applied state still contains unknown values");
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    Value.ObjectVal plannedObject = (Value.ObjectVal) planned;
    Value.ObjectVal actualObject = (Value.ObjectVal) actual;
    for (Map.Entry<String, Attribute> entry : block.attributes().entrySet()) {
      compatible(plannedObject.get(entry.getKey()), actualObject.get(entry.getKey()),
          AttributePath.attribute(entry.getKey()), entry.getValue().sensitive(), problems);
    }
    return problems;
  }

  private static void compatible(Value planned, Value actual, AttributePath path, boolean sensitive,
      List<String> problems) {
    if (planned instanceof Value.Unknown unknown) {
      if (!unknown.refinements().admits(actual)) {
        problems.add(path + ": the final value does not conform to the planning placeholder's refinements");
      }
      return;
    }
    if (planned.isWhollyKnown() || actual.isNull()) { // a null planned value is wholly known
      if (!planned.equals(actual)) {
        problems.add(path + ": was " + (sensitive ? "(sensitive value)" : render(planned)) + ", but now "
            + (sensitive ? "(sensitive value)" : render(actual)));
      }
      return;
    }
    if (planned instanceof Value.ListVal p && actual instanceof Value.ListVal a) {
      if (p.elements().size() != a.elements().size()) {
        problems.add(path + ": planned " + p.elements().size() + " elements, but now " + a.elements().size());
        return;
      }
      for (int i = 0; i < p.elements().size(); i++) {
        compatible(p.elements().get(i), a.elements().get(i), path.index(i), sensitive, problems);
      }
    } else if (planned instanceof Value.MapVal p && actual instanceof Value.MapVal a) {
      if (!p.entries().keySet().equals(a.entries().keySet())) {
        problems.add(path + ": planned keys " + p.entries().keySet() + ", but now " + a.entries().keySet());
        return;
      }
      p.entries().forEach((key, value) -> compatible(value, a.entries().get(key), path.key(key), sensitive, problems));
    } else if (planned instanceof Value.ObjectVal p && actual instanceof Value.ObjectVal a) {
      p.attributes().forEach((key, value) -> compatible(value, a.get(key), path.then(key), sensitive, problems));
    } else if (planned instanceof Value.SetVal p && actual instanceof Value.SetVal a) {
      if (p.elements().size() != a.elements().size()) {
        problems.add(path + ": planned set of " + p.elements().size() + " elements, but now " + a.elements().size());
      }
    } else if (planned instanceof Value.TupleVal p && actual instanceof Value.TupleVal a) {
      for (int i = 0; i < Math.min(p.elements().size(), a.elements().size()); i++) {
        compatible(p.elements().get(i), a.elements().get(i), path.index(i), sensitive, problems);
      }
    } else {
      problems.add(path + ": the value changed type between plan and apply");
    }
  }

  private static String render(Value value) {
    if (value instanceof Value.Str s) {
      return "\"" + s.value() + "\"";
    }
    if (value instanceof Value.Num n) {
      return n.value().toPlainString();
    }
    if (value instanceof Value.Bool b) {
      return String.valueOf(b.value());
    }
    return value.isNull() ? "null" : value.type().toJson() + " value";
  }
}
