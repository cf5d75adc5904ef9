package io.pyvider.bootstrap.examples;

import io.pyvider.bootstrap.e2e.ReplayBridge;
import io.pyvider.bootstrap.e2e.ReplayBridge.Attribute;
import io.pyvider.bootstrap.e2e.ReplayBridge.Opened;
import io.pyvider.bootstrap.e2e.ReplayBridge.Planned;
import io.pyvider.bootstrap.e2e.ReplayBridge.Stored;
import io.pyvider.bootstrap.e2e.ReplayBridge.WalkAccess;
import io.pyvider.bootstrap.examples.Ev.Marks;
import io.pyvider.bootstrap.examples.Hcl.Pos;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Replays what Terraform does for one example configuration, walk by walk, against the packaged provider: the
 * validate walk (every block validated with unknown variables and references), a plan walk, the apply walk in a new
 * process, a second plan walk and {@code terraform destroy}'s three walks (refresh, destroy plan, apply). Each walk
 * visits the resources in dependency order and evaluates their arguments with {@link Evaluator} against what that
 * walk knows: planned values during plan (a token's id, secret and expiry are still unknown), the applied state during
 * apply. Data sources are read during plan when their configuration is wholly known, else during apply (terraform
 * v1.15.9 planDataSource). Ephemeral resources are opened by every plan and apply walk that reaches them with a
 * wholly known configuration and closed before the walk ends (node_resource_ephemeral.go); {@code terraform destroy}
 * opens them only in its first walk, because its destroy plan and apply keep nothing a destroy does not need
 * (pruneUnusedNodesTransformer). Terraform's own checks on every provider answer come from the e2e package, through
 * {@link ReplayBridge}; this class adds Terraform's configuration rules (arguments against the schema, count, outputs
 * that refer to sensitive values, where ephemeral values may go) and records what the provider should have written.
 */
final class Replay {

  static final String FILE_CONTENT = "pyvider_file_content";

  private enum Phase { VALIDATE, PLAN, APPLY }

  /** One plan walk's result, as Terraform keeps it for the apply. */
  static final class PlanOutcome {
    final String label;
    final Map<String, Planned> changes = new LinkedHashMap<>();
    final Map<String, Stored> priors = new LinkedHashMap<>();
    final Map<String, Value> dataRead = new LinkedHashMap<>();
    final Set<String> dataDeferred = new LinkedHashSet<>();
    final Map<String, Ev> outputs = new LinkedHashMap<>();

    PlanOutcome(String label) {
      this.label = label;
    }

    /** Instance addresses whose planned action is not NoOp, with the action. */
    Map<String, String> pendingChanges() {
      Map<String, String> pending = new LinkedHashMap<>();
      changes.forEach((address, change) -> {
        if (!change.action().equals("NO_OP")) {
          pending.put(address, change.action());
        }
      });
      dataDeferred.forEach(address -> pending.put(address, "READ (deferred to apply)"));
      return pending;
    }
  }

  private final Module module;
  private final ReplayBridge terraform;
  private final Map<String, Value> variables = new LinkedHashMap<>();
  private final List<Module.Resource> order;

  /** The state after the last apply: instance address to stored object. */
  final Map<String, Stored> state = new LinkedHashMap<>();
  /** Data-source results the last apply kept. */
  final Map<String, Value> dataState = new LinkedHashMap<>();
  /**
   * Files pyvider_file_content was asked to write in the last apply. What the replay rendered for their content is
   * deliberately not kept: the bytes are checked against reviewed golden files ({@link Golden}), never against it.
   */
  final Set<Path> filesWritten = new LinkedHashSet<>();
  /** Every file any apply wrote (for the destroy check). */
  final Set<Path> allFiles = new LinkedHashSet<>();
  /** The outputs after the last apply. */
  final Map<String, Ev> outputs = new LinkedHashMap<>();
  /** The configuration each managed instance was last applied with. */
  final Map<String, Value> appliedConfigs = new LinkedHashMap<>();
  /** Warning diagnostics, by walk. */
  final Map<String, List<String>> warnings = new LinkedHashMap<>();
  /** The RPCs of each walk, for failure messages. */
  final Map<String, List<String>> rpcs = new LinkedHashMap<>();
  /** What each walk did, in order: "validate|plan|read|defer|open|unopened|close|apply|noop|destroy ADDRESS". */
  final Map<String, List<String>> journal = new LinkedHashMap<>();
  /** The value of every ephemeral instance each walk opened, by walk and address: secrets no state may hold. */
  final Map<String, Map<String, Value>> opened = new LinkedHashMap<>();

  Replay(Module module, ReplayBridge terraform, Map<String, String> overrides) {
    this.module = module;
    this.terraform = terraform;
    this.order = module.dependencyOrder();
    overrides.keySet().stream().filter(name -> !module.variables.containsKey(name)).findFirst().ifPresent(name -> {
      throw new Cty.ConfigError("Value for undeclared variable \"" + name + "\"");
    });
    module.variables.forEach((name, variable) -> {
      Value value;
      if (overrides.containsKey(name)) {
        value = Cty.string(overrides.get(name));
      } else if (variable.defaultValue() != null) {
        value = new Evaluator(Scopes.NONE).eval(variable.defaultValue()).value();
      } else {
        throw new Cty.ConfigError("No value for required variable \"" + name + "\"");
      }
      variables.put(name, Cty.convert(value, variable.type(), "var." + name));
    });
  }

  /** {@code -var name=value} on the commands that follow, as a user changes a variable between runs. */
  void setVariable(String name, String value) {
    Module.Variable variable = module.variables.get(name);
    if (variable == null) {
      throw new Cty.ConfigError("Value for undeclared variable \"" + name + "\"");
    }
    variables.put(name, Cty.convert(Cty.string(value), variable.type(), "var." + name));
  }

  // --- the walks -------------------------------------------------------------------------------------------------

  /** {@code terraform validate}: every block with unknown variables and references; outputs evaluated. */
  void validate() {
    try (WalkAccess walk = terraform.validateWalk()) {
      for (Module.Resource resource : order) {
        Scope scope = new Scope(Phase.VALIDATE, Map.of(), resource.count() == null ? null
            : Value.unknown(CtyType.NUMBER));
        if (resource.count() != null) {
          count(resource, scope); // type-checked, may be unknown
        }
        Value config = config(resource, scope);
        switch (resource.mode()) {
          case DATA -> walk.validateDataSource(resource.type(), config);
          case EPHEMERAL -> walk.validateEphemeral(resource.type(), config);
          case MANAGED -> walk.validateResource(resource.type(), config);
        }
        step("validate", "validate", resource.address());
      }
      evaluateOutputs(new Scope(Phase.VALIDATE, Map.of(), null), false);
      finish("validate", walk);
    }
  }

  /** A plan walk over the current state: refresh, then plan each instance; data sources read when known. */
  PlanOutcome plan(String label) {
    PlanOutcome outcome = new PlanOutcome(label);
    try (WalkAccess walk = terraform.walk(label); EphemeralInstances ephemerals = new EphemeralInstances(walk, label)) {
      checkVariableValidations();
      Map<String, Value> objects = new HashMap<>();
      for (Module.Resource resource : order) {
        Scope scope = new Scope(Phase.PLAN, objects, null);
        if (resource.ephemeral()) {
          objects.put(resource.address(), ephemerals.open(resource, scope));
          continue;
        }
        if (resource.data()) {
          Value config = config(resource, scope);
          Value planned;
          if (config.isWhollyKnown()) {
            planned = walk.readDataSource(resource.type(), config);
            outcome.dataRead.put(resource.address(), planned);
            step(label, "read", resource.address());
          } else {
            planned = plannedObject(schema(resource), config);
            outcome.dataDeferred.add(resource.address());
            step(label, "defer", resource.address());
          }
          objects.put(resource.address(), planned);
          continue;
        }
        List<Value> planned = new ArrayList<>();
        for (Instance instance : instances(resource, count(resource, scope))) {
          Stored prior = state.get(instance.address());
          if (prior != null) {
            prior = walk.refresh(prior);
            if (prior.value().isNull()) {
              prior = null; // removed outside Terraform: planned as a create
            }
          }
          Value config = config(resource, new Scope(Phase.PLAN, objects, instance.index()));
          Planned change = walk.plan(resource.type(), prior, config);
          step(label, "plan", instance.address());
          outcome.changes.put(instance.address(), change);
          if (prior != null) {
            outcome.priors.put(instance.address(), prior);
          }
          planned.add(change.after());
        }
        objects.put(resource.address(), collect(resource, planned));
        orphans(resource, planned.size());
      }
      outcome.outputs.putAll(evaluateOutputs(new Scope(Phase.PLAN, objects, null), false));
      ephemerals.closeAll();
      finish(label, walk);
    }
    return outcome;
  }

  /** The apply walk in a new process: every change re-planned and applied with its now-known configuration. */
  void apply(PlanOutcome plan) {
    apply(plan, "apply");
  }

  /** The apply walk, recorded under {@code label} (a later apply in the same test keeps the first one's records). */
  void apply(PlanOutcome plan, String label) {
    filesWritten.clear();
    try (WalkAccess walk = terraform.walk(label); EphemeralInstances ephemerals = new EphemeralInstances(walk, label)) {
      Map<String, Value> objects = new HashMap<>();
      for (Module.Resource resource : order) {
        Scope scope = new Scope(Phase.APPLY, objects, null);
        if (resource.ephemeral()) {
          objects.put(resource.address(), ephemerals.open(resource, scope));
          continue;
        }
        if (resource.data()) {
          Value value;
          if (plan.dataDeferred.contains(resource.address())) {
            Value config = config(resource, scope);
            require(config.isWhollyKnown(), resource.address() + " is still not known at apply");
            value = walk.readDataSource(resource.type(), config);
            step(label, "read", resource.address());
          } else {
            value = plan.dataRead.get(resource.address());
          }
          dataState.put(resource.address(), value);
          objects.put(resource.address(), value);
          continue;
        }
        List<Value> applied = new ArrayList<>();
        List<Instance> instances = instances(resource, count(resource, scope));
        for (Instance instance : instances) {
          Planned change = plan.changes.get(instance.address());
          require(change != null, instance.address() + " was not planned, but the apply evaluates it");
          Stored current = plan.priors.get(instance.address());
          Value config = config(resource, new Scope(Phase.APPLY, objects, instance.index()));
          require(config.isWhollyKnown(), instance.address() + ": the configuration is still not wholly known at "
              + "apply: " + config);
          Stored result = change.action().equals("NO_OP") ? current : walk.apply(change, current, config);
          step(label, change.action().equals("NO_OP") ? "noop" : "apply", instance.address());
          if (result == null || result.value().isNull()) {
            state.remove(instance.address());
          } else {
            state.put(instance.address(), result);
            appliedConfigs.put(instance.address(), config);
          }
          if (resource.type().equals(FILE_CONTENT) && !change.action().equals("NO_OP")) {
            Value.ObjectVal object = (Value.ObjectVal) config;
            Path path = resolve(((Value.Str) object.get("filename")).value());
            filesWritten.add(path);
            allFiles.add(path);
          }
          applied.add(result == null ? Value.nullOf(CtyType.DYNAMIC) : result.value());
        }
        require(instances.size() == plan.changes.keySet().stream()
            .filter(a -> instanceOf(a, resource)).count(), resource.address() + ": the apply expands count to "
            + instances.size() + " instances, the plan had " + plan.changes.keySet());
        objects.put(resource.address(), collect(resource, applied));
      }
      outputs.clear();
      outputs.putAll(evaluateOutputs(new Scope(Phase.APPLY, objects, null), true));
      ephemerals.closeAll();
      finish(label, walk);
    }
  }

  /**
   * {@code terraform destroy}: a pre-destroy refresh, the destroy plan walk, then the apply walk. The refresh is a
   * normal plan walk whose changes are thrown away (terraform v1.15.9 context_plan.go destroyPlan, PreDestroyRefresh):
   * it refreshes, plans, reads data sources and opens ephemeral resources; only the refreshed state is kept. The
   * destroy plan and apply graphs keep just the destroy nodes and what providers need (pruneUnusedNodesTransformer);
   * a destroy node never reads its configuration, and these examples configure the provider with an empty block, so
   * neither walk opens an ephemeral resource.
   */
  void destroy() {
    PlanOutcome refresh = plan("destroy-refresh");
    state.keySet().retainAll(refresh.priors.keySet()); // refreshed to null: removed outside Terraform
    state.putAll(refresh.priors);
    List<Module.Resource> reverse = new ArrayList<>(order);
    Collections.reverse(reverse);
    Map<String, Planned> deletes = new LinkedHashMap<>();
    try (WalkAccess walk = terraform.walk("destroy-plan")) {
      for (Module.Resource resource : reverse) {
        if (resource.mode() == Module.Mode.MANAGED) {
          List<String> addresses = new ArrayList<>(stateAddresses(resource));
          Collections.reverse(addresses);
          for (String address : addresses) {
            Planned delete = walk.planDestroy(state.get(address));
            step("destroy-plan", "plan", address);
            require(delete.action().equals("DELETE"), address + ": the destroy plan is " + delete.action());
            deletes.put(address, delete);
          }
        }
      }
      finish("destroy-plan", walk);
    }
    try (WalkAccess walk = terraform.walk("destroy-apply")) {
      for (Map.Entry<String, Planned> delete : deletes.entrySet()) {
        Stored after = walk.apply(delete.getValue(), state.get(delete.getKey()), delete.getValue().config());
        step("destroy-apply", "destroy", delete.getKey());
        require(after.value().isNull(), delete.getKey() + ": destroying left a non-null object");
        state.remove(delete.getKey());
      }
      finish("destroy-apply", walk);
    }
    dataState.clear();
  }

  private void step(String walk, String what, String address) {
    journal.computeIfAbsent(walk, w -> new ArrayList<>()).add(what + " " + address);
  }

  private void finish(String label, WalkAccess walk) {
    warnings.put(label, walk.warnings());
    rpcs.put(label, walk.rpcsSent());
  }

  // --- configuration ---------------------------------------------------------------------------------------------

  /** An instance of a resource: its address and count.index (null without count). */
  private record Instance(String address, Value index) {
  }

  private static List<Instance> instances(Module.Resource resource, int count) {
    if (count < 0) {
      return List.of(new Instance(resource.address(), null));
    }
    List<Instance> instances = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      instances.add(new Instance(resource.address() + "[" + i + "]", Value.number(i)));
    }
    return instances;
  }

  private static boolean instanceOf(String address, Module.Resource resource) {
    return address.equals(resource.address()) || address.startsWith(resource.address() + "[");
  }

  private List<String> stateAddresses(Module.Resource resource) {
    return state.keySet().stream().filter(a -> instanceOf(a, resource)).toList();
  }

  private void orphans(Module.Resource resource, int planned) {
    long stored = stateAddresses(resource).size();
    require(stored <= planned, resource.address() + ": the state has " + stored + " instances, the configuration "
        + planned + "; the replay does not model removing instances");
  }

  private static Value collect(Module.Resource resource, List<Value> instances) {
    if (resource.count() == null) {
      return instances.isEmpty() ? Value.nullOf(CtyType.DYNAMIC) : instances.get(0);
    }
    return new Value.TupleVal(instances);
  }

  /** evaluateCountExpression: -1 without count; an unknown count is Terraform's "Invalid count argument". */
  private int count(Module.Resource resource, Scope scope) {
    if (resource.count() == null) {
      return -1;
    }
    Ev ev = new Evaluator(scope).eval(resource.count());
    EphemeralRules.checkCount(resource, ev);
    Value number = Cty.convert(ev.value(), CtyType.NUMBER, resource.address() + ".count");
    if (number.isNull()) {
      throw new Cty.ConfigError(resource.pos() + ": Invalid count argument: The given \"count\" argument value is "
          + "null. An integer is required.");
    }
    if (!number.isKnown()) {
      if (scope.phase == Phase.VALIDATE) {
        return -1;
      }
      throw new Cty.ConfigError(resource.pos() + ": Invalid count argument: The \"count\" value depends on resource "
          + "attributes that cannot be determined until apply, so Terraform cannot predict how many instances will "
          + "be created.");
    }
    BigDecimal n = ((Value.Num) number).value();
    if (n.signum() < 0 || n.stripTrailingZeros().scale() > 0) {
      throw new Cty.ConfigError(resource.pos() + ": Invalid count argument: must be a whole number >= 0, got " + n);
    }
    return n.intValueExact();
  }

  /**
   * The configuration object Terraform sends: every schema attribute, the configured ones converted to their type,
   * the rest null (hcldec with the schema's spec). Arguments the schema does not have, read-only attributes set in
   * configuration and missing required arguments are Terraform's configuration errors.
   */
  private Value config(Module.Resource resource, Scope scope) {
    Map<String, Attribute> schema = schema(resource);
    resource.arguments().values().forEach(argument -> {
      Attribute attribute = schema.get(argument.name());
      if (attribute == null) {
        throw new Cty.ConfigError(argument.pos() + ": Unsupported argument: An argument named \"" + argument.name()
            + "\" is not expected here (" + resource.address() + "; the schema has " + schema.keySet() + ").");
      }
      if (attribute.computed() && !attribute.optional()) {
        throw new Cty.ConfigError(argument.pos() + ": Invalid Configuration for Read-Only Attribute: Cannot set "
            + "value for this attribute as the provider has marked it as read-only (" + argument.name() + ").");
      }
    });
    Evaluator evaluator = new Evaluator(scope);
    Map<String, Value> values = new TreeMap<>();
    schema.forEach((name, attribute) -> {
      Hcl.Attribute argument = resource.arguments().get(name);
      if (argument == null) {
        if (attribute.required()) {
          throw new Cty.ConfigError(resource.pos() + ": Missing required argument: The argument \"" + name
              + "\" is required, but no definition was found (" + resource.address() + ").");
        }
        values.put(name, Value.nullOf(attribute.type()));
      } else {
        Ev value = evaluator.eval(argument.expr());
        EphemeralRules.checkArgument(resource, argument, attribute.writeOnly(), value);
        values.put(name, Cty.convert(value.value(), attribute.type(),
            argument.pos() + " " + resource.address() + "." + name));
      }
    });
    return Value.ObjectVal.of(values);
  }

  private Map<String, Attribute> schema(Module.Resource resource) {
    return switch (resource.mode()) {
      case DATA -> terraform.dataSourceAttributes(resource.type());
      case EPHEMERAL -> terraform.ephemeralAttributes(resource.type());
      case MANAGED -> terraform.resourceAttributes(resource.type());
    };
  }

  /**
   * objchange.PlannedDataResourceObject, for a data source read later and an ephemeral resource left unopened:
   * computed attributes left null in configuration become unknown.
   */
  private static Value plannedObject(Map<String, Attribute> schema, Value config) {
    Map<String, Value> planned = new TreeMap<>(((Value.ObjectVal) config).attributes());
    schema.forEach((name, attribute) -> {
      if (attribute.computed() && planned.get(name).isNull()) {
        planned.put(name, Value.unknown(attribute.type()));
      }
    });
    return Value.ObjectVal.of(planned);
  }

  private void checkVariableValidations() {
    module.variables.forEach((name, variable) -> {
      for (Module.Validation validation : variable.validations()) {
        Scope scope = new Scope(Phase.PLAN, Map.of(), null);
        Value ok = Cty.convert(new Evaluator(scope).eval(validation.condition()).value(), CtyType.BOOL,
            "validation of var." + name);
        if (ok.equals(Value.bool(false))) {
          throw new Cty.ConfigError("Invalid value for variable \"" + name + "\": "
              + new Evaluator(scope).eval(validation.errorMessage()).value());
        }
      }
    });
  }

  /**
   * Outputs; one derived from a sensitive value must be declared sensitive, and none may hold an ephemeral value
   * (terraform node_output.go).
   */
  private Map<String, Ev> evaluateOutputs(Scope scope, boolean mustBeKnown) {
    Map<String, Ev> values = new LinkedHashMap<>();
    module.outputs.forEach((name, output) -> {
      EphemeralRules.checkRootOutputDeclaration(output);
      Ev ev = new Evaluator(scope).eval(output.value());
      if (scope.phase != Phase.VALIDATE && ev.sensitive() && !output.sensitive()) {
        throw new Cty.ConfigError(output.pos() + ": Output refers to sensitive values: output \"" + name
            + "\" is derived from a sensitive value, so Terraform requires `sensitive = true`.");
      }
      EphemeralRules.checkRootOutputValue(output, ev);
      if (mustBeKnown) {
        require(ev.value().isWhollyKnown(), "output " + name + " is not known after apply");
      }
      values.put(name, ev);
    });
    return values;
  }

  /** Outputs declared sensitive that Terraform does not require to be (the examples' rule: only where needed). */
  List<String> outputsSensitiveWithoutNeed() {
    List<String> needless = new ArrayList<>();
    module.outputs.forEach((name, output) -> {
      if (output.sensitive() && !outputs.get(name).sensitive()) {
        needless.add(name);
      }
    });
    return needless;
  }

  /** Relative file names resolve against the provider's working directory (the test JVM's). */
  static Path resolve(String filename) {
    return Path.of("").toAbsolutePath().resolve(filename).normalize();
  }

  private static void require(boolean condition, String problem) {
    if (!condition) {
      throw new AssertionError(problem);
    }
  }

  // --- ephemeral resources during one walk -----------------------------------------------------------------------

  /**
   * The ephemeral resource instances one plan or apply walk opened (node_resource_ephemeral.go ephemeralResourceOpen):
   * each is opened when the walk reaches it with a wholly known configuration, else left unopened with its computed
   * attributes unknown; every opened one is closed with Open's private data before the walk ends, also when the walk
   * fails. Terraform would renew an instance at its renew_at, which no replayed walk lives to see (an hour).
   */
  private final class EphemeralInstances implements AutoCloseable {
    private final WalkAccess walk;
    private final String label;
    private final Map<String, Opened> open = new LinkedHashMap<>();

    EphemeralInstances(WalkAccess walk, String label) {
      this.walk = walk;
      this.label = label;
    }

    /** The instance's value as references see it during this walk. */
    Value open(Module.Resource resource, Scope scope) {
      Value config = config(resource, scope);
      if (!config.isWhollyKnown()) {
        step(label, "unopened", resource.address());
        return plannedObject(schema(resource), config);
      }
      Opened instance = walk.openEphemeral(resource.type(), config);
      open.put(resource.address(), instance);
      opened.computeIfAbsent(label, l -> new LinkedHashMap<>()).put(resource.address(), instance.value());
      step(label, "open", resource.address());
      return instance.value();
    }

    /** Closes every instance still open, each once. */
    void closeAll() {
      List<Map.Entry<String, Opened>> closing = List.copyOf(open.entrySet());
      open.clear();
      for (Map.Entry<String, Opened> instance : closing) {
        walk.closeEphemeral(instance.getValue());
        step(label, "close", instance.getKey());
      }
    }

    @Override
    public void close() {
      closeAll();
    }
  }

  // --- references during one walk --------------------------------------------------------------------------------

  /** What references see in one walk: variables, locals, path, count.index and the walk's resource values. */
  private final class Scope implements Evaluator.Scope {
    private final Phase phase;
    private final Map<String, Value> objects;
    private final Value countIndex;
    private final Map<String, Ev> locals = new HashMap<>();
    private final Set<String> evaluating = new LinkedHashSet<>();

    Scope(Phase phase, Map<String, Value> objects, Value countIndex) {
      this.phase = phase;
      this.objects = objects;
      this.countIndex = countIndex;
    }

    @Override
    public Ev variable(String name, Pos pos) {
      Module.Variable variable = module.variables.get(name);
      if (variable == null) {
        throw Evaluator.error(pos, "Reference to undeclared input variable \"" + name + "\"");
      }
      // terraform validate evaluates with unknown variables of their declared type.
      return Ev.of(phase == Phase.VALIDATE ? Value.unknown(variable.type()) : variables.get(name));
    }

    @Override
    public Ev local(String name, Pos pos) {
      Ev cached = locals.get(name);
      if (cached != null) {
        return cached;
      }
      Hcl.Attribute local = module.locals.get(name);
      if (local == null) {
        throw Evaluator.error(pos, "Reference to undeclared local value \"" + name + "\"");
      }
      if (!evaluating.add(name)) {
        throw Evaluator.error(pos, "Cycle in local values at " + name);
      }
      Ev value = new Evaluator(new Scope(phase, objects, null)).eval(local.expr());
      evaluating.remove(name);
      locals.put(name, value);
      return value;
    }

    @Override
    public Ev path(String name, Pos pos) {
      if (name.equals("module") || name.equals("root")) {
        return Ev.of(Cty.string("."));
      }
      throw Evaluator.error(pos, "path." + name + " is not used by the examples' replay");
    }

    @Override
    public Ev countIndex(Pos pos) {
      if (countIndex == null) {
        throw Evaluator.error(pos, "Reference to \"count\" in non-counted context");
      }
      return Ev.of(countIndex);
    }

    @Override
    public Ev resource(String type, String name, Pos pos) {
      return object(type + "." + name, pos);
    }

    @Override
    public Ev dataSource(String type, String name, Pos pos) {
      return object("data." + type + "." + name, pos);
    }

    /**
     * Terraform marks an opened instance ephemeral as a whole and adds no sensitive marks from its schema, only those
     * its configuration carried (node_resource_ephemeral.go); an ephemeral value cannot reach anything that shows or
     * stores it, so sensitivity makes no difference here. The validate walk sees an ephemeral unknown of any type.
     */
    @Override
    public Ev ephemeralResource(String type, String name, Pos pos) {
      String address = "ephemeral." + type + "." + name;
      declared(address, pos);
      if (phase == Phase.VALIDATE) {
        return Ev.of(Value.unknown(CtyType.DYNAMIC), Marks.EPHEMERAL);
      }
      return Ev.of(visited(address, pos), Marks.EPHEMERAL);
    }

    private Module.Resource declared(String address, Pos pos) {
      Module.Resource resource = module.resources.get(address);
      if (resource == null) {
        throw Evaluator.error(pos, "Reference to undeclared resource \"" + address + "\"");
      }
      return resource;
    }

    private Value visited(String address, Pos pos) {
      Value value = objects.get(address);
      if (value == null) {
        throw new AssertionError(pos + ": " + address + " is referred to before the replay visited it: the "
            + "dependency order is wrong");
      }
      return value;
    }

    private Ev object(String address, Pos pos) {
      Module.Resource resource = declared(address, pos);
      Map<String, Attribute> schema = schema(resource);
      Map<String, Boolean> sensitiveByAttribute = new TreeMap<>();
      schema.forEach((n, a) -> sensitiveByAttribute.put(n, a.sensitive()));
      Marks marks = new Marks(sensitiveByAttribute.containsValue(true), false);
      if (phase == Phase.VALIDATE) {
        Map<String, CtyType> types = new TreeMap<>();
        schema.forEach((n, a) -> types.put(n, a.type()));
        CtyType objectType = new CtyType.ObjectOf(types);
        return new Ev(Value.unknown(resource.count() == null ? objectType : CtyType.DYNAMIC), marks,
            sensitiveByAttribute);
      }
      return new Ev(visited(address, pos), marks, sensitiveByAttribute);
    }
  }
}
