package io.pyvider.application.lifecycle;

import io.pyvider.application.component.EphemeralOpenResult;
import io.pyvider.application.component.EphemeralRenewResult;
import io.pyvider.application.component.EphemeralResource;
import io.pyvider.application.component.PrivateState;
import io.pyvider.application.component.ProviderContext;
import io.pyvider.application.port.out.PrivateData;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** An ephemeral resource whose answers a test scripts; it records the private state each call received. */
final class ScriptedEphemeral implements EphemeralResource {

  static final String TYPE = "pyvider_lease";
  static final Schema SCHEMA = new Schema(0, Block.of("lease", List.of(
      Attribute.builder("name", CtyType.STRING).required().build(),
      Attribute.builder("secret", CtyType.STRING).computed().sensitive().build())));

  boolean testOnly;
  Function<Value.ObjectVal, Diagnostics> validate = config -> Diagnostics.NONE;
  Function<PrivateState, EphemeralRenewResult> renew = opened -> new EphemeralRenewResult(
      ((PrivateState.Opened) opened).data(), Optional.empty(), null);
  Function<Value.ObjectVal, EphemeralOpenResult> open = config -> new EphemeralOpenResult(
      config.with("secret", Value.string("s-1")), PrivateData.of(Map.of("lease", "l-1")),
      Optional.of(Instant.parse("2030-01-01T00:00:00Z")), null);
  final List<PrivateState> received = new ArrayList<>();

  @Override
  public String typeName() {
    return TYPE;
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  @Override
  public boolean testOnly() {
    return testOnly;
  }

  @Override
  public Diagnostics validate(Value.ObjectVal config, ProviderContext provider) {
    return validate.apply(config);
  }

  @Override
  public EphemeralOpenResult open(Value.ObjectVal config, ProviderContext provider) {
    return open.apply(config);
  }

  @Override
  public EphemeralRenewResult renew(PrivateState opened, ProviderContext provider) {
    received.add(opened);
    return renew.apply(opened);
  }

  @Override
  public Diagnostics close(PrivateState opened, ProviderContext provider) {
    received.add(opened);
    return Diagnostics.NONE;
  }
}
