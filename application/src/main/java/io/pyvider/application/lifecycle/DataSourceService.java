package io.pyvider.application.lifecycle;

import io.pyvider.application.component.DataReadResult;
import io.pyvider.application.component.DataSource;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.DataSourceUseCase;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Block;
import java.util.List;
import java.util.Optional;

/** Data sources: decode with the schema, validate, read, and check the result is a known, conforming object. */
public final class DataSourceService implements DataSourceUseCase {

  private final ComponentCatalog catalog;
  private final ProviderSession session;

  public DataSourceService(ComponentCatalog catalog, ProviderSession session) {
    this.catalog = catalog;
    this.session = session;
  }

  private Optional<DataSource> find(String typeName, Decoded decoded) {
    Optional<DataSource> dataSource = catalog.dataSource(typeName);
    if (dataSource.isEmpty()) {
      decoded.add(Diagnoses.unknownDataSourceType(typeName));
    } else if (dataSource.get().testOnly() && !session.testMode()) {
      decoded.add(Diagnoses.testOnly(typeName));
      return Optional.empty();
    }
    return dataSource;
  }

  @Override
  public Diagnostics validate(Commands.ValidateConfig command) {
    Decoded decoded = new Decoded();
    Optional<DataSource> found = find(command.typeName(), decoded);
    if (found.isEmpty()) {
      return decoded.diagnostics();
    }
    Block block = found.get().schema().block();
    Value config = decoded.value(command.config(), block.impliedType(), "configuration");
    decoded.requireConfigured(block, config);
    if (!decoded.failed() && config instanceof Value.ObjectVal object) {
      try {
        decoded.add(found.get().validate(object, session.context()));
      } catch (RuntimeException crash) {
        decoded.add(session.crashed(command.typeName(), "validation", crash));
      }
    }
    return decoded.diagnostics();
  }

  @Override
  public Outcomes.ReadData read(Commands.ReadData command) {
    Decoded decoded = new Decoded();
    Optional<DataSource> found = find(command.typeName(), decoded);
    if (found.isEmpty()) {
      return new Outcomes.ReadData(CtyType.DYNAMIC, Value.nullOf(CtyType.DYNAMIC), decoded.diagnostics());
    }
    DataSource dataSource = found.get();
    Block block = dataSource.schema().block();
    CtyType type = block.impliedType();
    Value config = decoded.value(command.config(), type, "configuration");
    decoded.requireConfigured(block, config);
    if (!decoded.failed() && config instanceof Value.ObjectVal object) {
      try {
        decoded.add(dataSource.validate(object, session.context()));
      } catch (RuntimeException crash) {
        decoded.add(session.crashed(command.typeName(), "validation", crash));
      }
    }
    if (decoded.failed() || !(config instanceof Value.ObjectVal object)) {
      return new Outcomes.ReadData(type, Value.nullOf(type), decoded.diagnostics());
    }
    DataReadResult result;
    try {
      result = dataSource.read(object, session.context());
    } catch (RuntimeException crash) {
      decoded.add(session.crashed(command.typeName(), "read", crash));
      return new Outcomes.ReadData(type, Value.nullOf(type), decoded.diagnostics());
    }
    decoded.add(result.diagnostics());
    if (result.diagnostics().hasErrors()) {
      return new Outcomes.ReadData(type, Value.nullOf(type), decoded.diagnostics());
    }
    Value state = result.state();
    Optional<String> shape = ValueConformance.problem(state, type, AttributePath.ROOT);
    if (state.isNull() || shape.isPresent() || !state.isWhollyKnown()) {
      decoded.add(Diagnoses.brokenAnswer(command.typeName(), "data source result", List.of(shape.orElse(
          state.isNull() ? "the result is null" : "the result contains unknown values"))));
      return new Outcomes.ReadData(type, Value.nullOf(type), decoded.diagnostics());
    }
    return new Outcomes.ReadData(type, state, decoded.diagnostics());
  }
}
