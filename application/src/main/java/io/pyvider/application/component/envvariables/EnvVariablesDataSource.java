package io.pyvider.application.component.envvariables;

import static io.pyvider.application.component.Attributes.knownBool;
import static io.pyvider.application.component.Attributes.stringMap;
import static io.pyvider.application.component.envvariables.EnvVariablesSchema.*;

import io.pyvider.application.component.DataReadResult;
import io.pyvider.application.component.DataSource;
import io.pyvider.application.component.ProviderContext;
import io.pyvider.application.port.out.Environment;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Schema;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
    return EnvironmentSelection.validate(config);
  }

  @Override
  public DataReadResult read(Value.ObjectVal config, ProviderContext provider) {
    EnvironmentSelection.Selected selected = EnvironmentSelection.select(environment.snapshot(), config);
    boolean includeAll = knownBool(config, INCLUDE_ALL_ENVIRONMENT).orElse(false);
    // The whole environment only when asked for by name: it is stored in the state, credentials and all.
    Value.ObjectVal state = selected.fill(config)
        .with(INCLUDE_ALL_ENVIRONMENT, Value.bool(includeAll))
        .with(ALL_ENVIRONMENT, includeAll ? stringMap(selected.visible())
            : Value.nullOf(SCHEMA.block().attribute(ALL_ENVIRONMENT).type()));
    return new DataReadResult(state, selected.diagnostics());
  }
}
