package io.pyvider.application.component.httpapi;

import io.pyvider.application.fakes.MapWire;
import io.pyvider.application.fakes.RecordingSleeper;
import io.pyvider.application.fakes.ScriptedHttpTransport;
import io.pyvider.application.lifecycle.ComponentCatalog;
import io.pyvider.application.lifecycle.DataSourceService;
import io.pyvider.application.lifecycle.ProviderService;
import io.pyvider.application.lifecycle.ProviderSession;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.out.Environment;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Block;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** pyvider_http_api behind the data-source engine, with a scripted transport and a sleeper that does not sleep. */
final class HttpApiTerraform {

  static final String TYPE = "pyvider_http_api";

  final ScriptedHttpTransport transport = new ScriptedHttpTransport();
  final RecordingSleeper sleeper = new RecordingSleeper();
  final HttpApiDataSource dataSource = new HttpApiDataSource(transport, sleeper);
  final ProviderSession session = new ProviderSession(Environment.of(Map.of()));
  final ComponentCatalog catalog = new ComponentCatalog(List.of(), List.of(dataSource));
  final DataSourceService service = new DataSourceService(catalog, session);
  final ProviderService provider = new ProviderService(catalog, session);
  final Block block = dataSource.schema().block();

  Value.ObjectVal config(String url) {
    return block.emptyValue().with("url", Value.string(url));
  }

  static Value.ObjectVal with(Value.ObjectVal config, String attribute, String value) {
    return config.with(attribute, Value.string(value));
  }

  static Value.ObjectVal with(Value.ObjectVal config, String attribute, long value) {
    return config.with(attribute, Value.number(value));
  }

  static Value.ObjectVal with(Value.ObjectVal config, String attribute, BigDecimal value) {
    return config.with(attribute, Value.number(value));
  }

  static Value.ObjectVal with(Value.ObjectVal config, String attribute, boolean value) {
    return config.with(attribute, Value.bool(value));
  }

  static Value.ObjectVal headers(Value.ObjectVal config, Map<String, String> headers) {
    Map<String, Value> values = new TreeMap<>();
    headers.forEach((k, v) -> values.put(k, Value.string(v)));
    return config.with("headers", Value.MapVal.of(CtyType.STRING, values));
  }

  Diagnostics validate(Value.ObjectVal config) {
    return service.validate(new Commands.ValidateConfig(TYPE, MapWire.of(config)));
  }

  Outcomes.ReadData read(Value.ObjectVal config) {
    return service.read(new Commands.ReadData(TYPE, MapWire.of(config)));
  }

  static Value.ObjectVal state(Outcomes.ReadData read) {
    return (Value.ObjectVal) read.state();
  }

  static String string(Value.ObjectVal state, String attribute) {
    return ((Value.Str) state.get(attribute)).value();
  }

  static long number(Value.ObjectVal state, String attribute) {
    return ((Value.Num) state.get(attribute)).value().longValueExact();
  }

  static Map<String, String> map(Value.ObjectVal state, String attribute) {
    Map<String, String> entries = new TreeMap<>();
    ((Value.MapVal) state.get(attribute)).entries().forEach((k, v) -> entries.put(k, ((Value.Str) v).value()));
    return entries;
  }
}
