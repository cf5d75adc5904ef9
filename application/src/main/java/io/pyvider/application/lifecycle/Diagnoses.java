package io.pyvider.application.lifecycle;

import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.diag.Diagnostic;
import java.util.List;

/** The engine's standard diagnostics, worded once so every RPC says the same thing the same way. */
final class Diagnoses {

  static final String BUG_ADVICE = "This is a bug in terraform-provider-pyvider. Please report it, with the provider "
      + "log (TF_LOG_PROVIDER=DEBUG), at the project's issue tracker.";

  private Diagnoses() {
  }

  static Diagnostic unknownResourceType(String typeName) {
    return unknown("Unknown resource type", "resource type", typeName);
  }

  static Diagnostic unknownDataSourceType(String typeName) {
    return unknown("Unknown data source type", "data source", typeName);
  }

  static Diagnostic unknownEphemeralResourceType(String typeName) {
    return unknown("Unknown ephemeral resource type", "ephemeral resource", typeName);
  }

  static Diagnostic unknownListResourceType(String typeName) {
    return unknown("Unknown list resource type", "list resource", typeName);
  }

  static Diagnostic unknownFunction(String name) {
    return unknown("Unknown function", "function", name);
  }

  static Diagnostic unknownActionType(String typeName) {
    return unknown("Unknown action type", "action", typeName);
  }

  /** One wording for every kind: Terraform asked for a name this provider version does not serve. */
  private static Diagnostic unknown(String summary, String kind, String name) {
    return Diagnostic.error(summary, "The provider pyvider has no " + kind + " \"" + name
        + "\". Check the spelling, and that the configuration uses a provider version that offers it.");
  }

  static Diagnostic testOnly(String typeName) {
    return Diagnostic.error(typeName + " is a test-only component",
        typeName + " is served only in test mode: launch the provider with PYVIDER_TESTMODE=true, or set "
            + "pyvider_testmode = true in the provider block.");
  }

  static Diagnostic malformed(String what, AttributePath path, String message) {
    return Diagnostic.error(path, "Invalid " + what,
        "The provider could not decode the " + what + " Terraform sent: " + message + ".");
  }

  static Diagnostic decoderFailed(String what, String failure) {
    return Diagnostic.error("Internal error in provider pyvider", "The provider failed to decode the " + what
        + " Terraform sent (" + failure + "). The value is not necessarily wrong: " + BUG_ADVICE);
  }

  /** What Terraform shows for a crash: the failure's kind, never its message, which may hold any value. */
  static Diagnostic componentCrashed(String typeName, String operation, RuntimeException crash) {
    return Diagnostic.error("Internal error in provider pyvider",
        typeName + " failed during " + operation + " with " + crash.getClass().getSimpleName()
            + "; the provider log has the details. " + BUG_ADVICE);
  }

  static Diagnostic brokenAnswer(String typeName, String operation, List<String> problems) {
    return Diagnostic.error("Provider pyvider produced an invalid " + operation,
        typeName + ": " + String.join("; ", problems) + ". The provider caught this before Terraform did. "
            + BUG_ADVICE);
  }

  static Diagnostic brokenRequest(String typeName, String rpc, String problem) {
    return Diagnostic.error("Invalid " + rpc + " request", typeName + ": " + problem + ".");
  }

  static Diagnostic missingRequired(String name) {
    return Diagnostic.error(AttributePath.attribute(name), "Missing required argument",
        "The argument \"" + name + "\" is required, but no value was given (it is null).");
  }
}
