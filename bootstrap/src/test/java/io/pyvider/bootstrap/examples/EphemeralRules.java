package io.pyvider.bootstrap.examples;

/**
 * Where Terraform refuses a value derived from an ephemeral resource, with its messages (terraform v1.15.9): anywhere
 * the value would be persisted between plan and apply. A managed resource's or data source's argument that is not
 * write-only (node_resource_validate.go validateResourceForbiddenEphemeralValues, in the validate walk and again when
 * planning), a root module output (node_output.go), and count (eval_count.go). Ephemeral resources, locals and
 * write-only arguments take them freely.
 */
final class EphemeralRules {

  private EphemeralRules() {
  }

  /** An argument of a managed resource or data source; {@code writeOnly} is the schema attribute's flag. */
  static void checkArgument(Module.Resource resource, Hcl.Attribute argument, boolean writeOnly, Ev value) {
    if (!resource.ephemeral() && value.ephemeral() && !writeOnly) {
      throw new Cty.ConfigError(argument.pos() + ": Invalid use of ephemeral value: Ephemeral values are not valid "
          + "for \"" + argument.name() + "\", because it is not a write-only attribute and must be persisted to state. ("
          + resource.address() + ")");
    }
  }

  /** A root module output cannot be declared ephemeral (checked before its value is evaluated). */
  static void checkRootOutputDeclaration(Module.Output output) {
    if (output.ephemeral()) {
      throw new Cty.ConfigError(output.pos() + ": Ephemeral output not allowed: Ephemeral outputs are not allowed in "
          + "context of a root module (output \"" + output.name() + "\").");
    }
  }

  /** A root module output, never declared ephemeral, cannot hold an ephemeral value. */
  static void checkRootOutputValue(Module.Output output, Ev value) {
    if (value.ephemeral()) {
      throw new Cty.ConfigError(output.pos() + ": Ephemeral value not allowed: This output value is not declared as "
          + "returning an ephemeral value, so it cannot be set to a result derived from an ephemeral value (output \""
          + output.name() + "\").");
    }
  }

  static void checkCount(Module.Resource resource, Ev count) {
    if (count.ephemeral()) {
      throw new Cty.ConfigError(resource.pos() + ": Invalid count argument: The given \"count\" is derived from an "
          + "ephemeral value, which means that Terraform cannot persist it between plan/apply rounds. Use only "
          + "non-ephemeral values to specify the number of resource instances (" + resource.address() + ").");
    }
  }
}
