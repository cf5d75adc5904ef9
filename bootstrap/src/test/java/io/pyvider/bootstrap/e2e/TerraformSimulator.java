package io.pyvider.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.domain.terraform.cty.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A small Terraform for the end-to-end tests: it loads the provider schema once (as Terraform's schema cache does),
 * then starts one provider process per graph walk, exactly as go-plugin launches it, and closes each with go-plugin's
 * Kill(). It remembers every sensitive value it saw in a state, and on close fails if one ever reached a provider's
 * stderr, stdout, go-plugin's stdio stream or a diagnostic.
 */
final class TerraformSimulator implements AutoCloseable {

  static final String TERRAFORM_VERSION = "1.15.9";

  private final ProviderLaunch launch;
  private final List<ProviderProcess> processes = new ArrayList<>();
  private final Set<String> secrets = new LinkedHashSet<>();
  private final List<String> diagnosticText = new ArrayList<>();
  private Tfplugin6.GetProviderSchema.Response schema;
  private int started;

  TerraformSimulator(ProviderLaunch launch) {
    this.launch = launch;
  }

  ProviderLaunch launch() {
    return launch;
  }

  /** GetProviderSchema (and GetResourceIdentitySchemas) in a process of its own, once, like Terraform's cache. */
  synchronized Tfplugin6.GetProviderSchema.Response providerSchema() {
    if (schema == null) {
      try (ProviderProcess process = start("schema")) {
        Tfplugin6.GetProviderSchema.Response response =
            process.provider().getProviderSchema(Tfplugin6.GetProviderSchema.Request.getDefaultInstance());
        assertTrue(Diag.errors(Diag.of(response.getDiagnosticsList())).isEmpty(),
            () -> "GetProviderSchema reported errors: " + Diag.of(response.getDiagnosticsList()));
        try {
          Tfplugin6.GetResourceIdentitySchemas.Response identities = process.provider()
              .getResourceIdentitySchemas(Tfplugin6.GetResourceIdentitySchemas.Request.getDefaultInstance());
          assertTrue(Diag.errors(Diag.of(identities.getDiagnosticsList())).isEmpty(),
              () -> "GetResourceIdentitySchemas reported errors: " + Diag.of(identities.getDiagnosticsList()));
        } catch (StatusRuntimeException unimplemented) {
          // Terraform tolerates Unimplemented (no identities); any other status is a transport error.
          assertEquals(Status.Code.UNIMPLEMENTED, unimplemented.getStatus().getCode(),
              "GetResourceIdentitySchemas failed: " + unimplemented.getStatus());
        }
        schema = response;
      }
    }
    return schema;
  }

  ResourceSchema resource(String typeName) {
    Tfplugin6.Schema found = providerSchema().getResourceSchemasMap().get(typeName);
    if (found == null) {
      throw new AssertionError("the provider has no resource type " + typeName + "; it has "
          + providerSchema().getResourceSchemasMap().keySet());
    }
    return ResourceSchema.of(typeName, found);
  }

  ResourceSchema ephemeral(String typeName) {
    Tfplugin6.Schema found = providerSchema().getEphemeralResourceSchemasMap().get(typeName);
    if (found == null) {
      throw new AssertionError("the provider has no ephemeral resource " + typeName + "; it has "
          + providerSchema().getEphemeralResourceSchemasMap().keySet());
    }
    return ResourceSchema.of(typeName, found);
  }

  ResourceSchema action(String typeName) {
    Tfplugin6.ActionSchema found = providerSchema().getActionSchemasMap().get(typeName);
    if (found == null) {
      throw new AssertionError("the provider has no action " + typeName + "; it has "
          + providerSchema().getActionSchemasMap().keySet());
    }
    return ResourceSchema.of(typeName, found.getSchema());
  }

  ResourceSchema providerConfigSchema() {
    return ResourceSchema.of("provider", providerSchema().getProvider());
  }

  /** `terraform validate`'s walk: a fresh process, no configuration (an empty provider block is not validated). */
  Walk validateWalk() {
    return new Walk(this, startForWalk("validate"), "validate", false);
  }

  /** A plan, apply or destroy walk: a fresh process, ValidateProviderConfig and ConfigureProvider first. */
  Walk walk(String label) {
    return new Walk(this, startForWalk(label), label, true);
  }

  private ProviderProcess startForWalk(String label) {
    providerSchema();
    return start(label);
  }

  /** Starts one tracked provider process (killed on close, its output checked for secrets). */
  synchronized ProviderProcess start(String label) {
    ProviderProcess process = ProviderProcess.start(launch, label + "#" + (++started));
    processes.add(process);
    return process;
  }

  /** Remembers the values of the schema's sensitive attributes (Terraform marks them; the provider must not log). */
  synchronized void rememberSensitive(ResourceSchema schema, Value value) {
    if (value instanceof Value.ObjectVal object) {
      schema.attributes().values().stream().filter(ResourceSchema.Attr::sensitive)
          .map(a -> object.get(a.name()))
          .filter(v -> v instanceof Value.Str s && s.value().length() >= 8)
          .forEach(v -> secrets.add(((Value.Str) v).value()));
    }
  }

  /**
   * As {@link #rememberSensitive}, with the elements of sensitive maps too: an action's configuration is all that
   * carries its secrets (its headers), and nothing of it is stored.
   */
  synchronized void rememberSensitiveConfiguration(ResourceSchema schema, Value.ObjectVal config) {
    rememberSensitive(schema, config);
    schema.attributes().values().stream().filter(ResourceSchema.Attr::sensitive)
        .map(a -> config.get(a.name()))
        .filter(v -> v instanceof Value.MapVal && v.isWhollyKnown())
        .flatMap(v -> ((Value.MapVal) v).entries().values().stream())
        .filter(v -> v instanceof Value.Str s && s.value().length() >= 8)
        .forEach(v -> secrets.add(((Value.Str) v).value()));
  }

  /** An action's progress messages reach the user's terminal too. */
  synchronized void recordProgress(String label, List<String> messages) {
    messages.forEach(message -> diagnosticText.add(label + " progress message: " + message));
  }

  /** Diagnostics reach the user's terminal, so they count as output for the leak check. */
  synchronized void recordDiagnostics(String label, List<Diag> diagnostics) {
    diagnostics.forEach(d -> diagnosticText.add(label + " diagnostic: " + d.summary() + " " + d.detail()));
  }

  synchronized Set<String> sensitiveValuesSeen() {
    return Set.copyOf(secrets);
  }

  synchronized List<ProviderProcess> processes() {
    return List.copyOf(processes);
  }

  /** Labels of processes whose stderr or stdout contains a remembered secret (the secret itself is not printed). */
  synchronized List<String> leaks() {
    List<String> leaks = new ArrayList<>();
    int number = 0;
    for (String secret : secrets) {
      number++;
      for (String text : diagnosticText) {
        if (text.contains(secret)) {
          leaks.add("sensitive value #" + number + " in a " + text.replace(secret, "<REDACTED>"));
        }
      }
    }
    for (ProviderProcess process : processes) {
      List<String> output = new ArrayList<>(process.stderrLines());
      output.addAll(process.stdoutAfterHandshake());
      output.addAll(process.stdioStreamed());
      int index = 0;
      for (String secret : secrets) {
        index++;
        for (String line : output) {
          if (line.contains(secret)) {
            leaks.add(process.label() + " printed sensitive value #" + index + " in: "
                + line.replace(secret, "<REDACTED>"));
            break;
          }
        }
      }
    }
    return leaks;
  }

  @Override
  public synchronized void close() {
    processes.forEach(ProviderProcess::close);
    List<String> leaks = leaks();
    if (!leaks.isEmpty()) {
      throw new AssertionError("sensitive values reached the provider's output:\n" + String.join("\n", leaks));
    }
  }
}
