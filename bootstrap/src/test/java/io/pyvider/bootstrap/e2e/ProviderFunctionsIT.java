package io.pyvider.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.StatusRuntimeException;
import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The provider functions through the packaged binary, as Terraform 1.8+ uses them: declarations from
 * GetProviderSchema.functions, then CallFunction on a provider process it has not configured (validate walks and
 * expression evaluation never send ConfigureProvider first). Arguments are encoded with the declared parameter types
 * and results decoded with the declared return type (terraform v1.15.9 internal/plugin6/grpc_provider.go
 * CallFunction); a FunctionError's function_argument becomes an error on that argument.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProviderFunctionsIT {

  private static final String EXPIRES_AT = "2025-01-01T01:00:00.000000+00:00";

  private Path home;
  private TerraformSimulator terraform;
  private Map<String, Tfplugin6.Function> declared;

  @BeforeAll
  void startTerraform() throws Exception {
    home = Files.createTempDirectory("pyvider-e2e-functions");
    terraform = new TerraformSimulator(ProviderLaunch.binary(home));
    declared = terraform.providerSchema().getFunctionsMap();
  }

  @AfterAll
  void stopTerraform() throws Exception {
    try {
      terraform.close();
    } finally {
      TestFiles.deleteTree(home);
    }
  }

  /** What CallFunction answered, as Terraform reads it: a result of the return type, or a function error. */
  private record Called(Value result, Tfplugin6.FunctionError error) {

    Value returned() {
      assertTrue(error == null, () -> "FunctionError: " + error);
      return result;
    }

    /** The error's text, after checking Terraform would report it on the argument at {@code index}. */
    String errorAt(int index) {
      assertTrue(error != null, () -> "no FunctionError, result " + result);
      assertFalse(error.getText().isBlank(), "a function error needs text");
      assertTrue(error.hasFunctionArgument(), () -> "no function_argument, want " + index + ": " + error.getText());
      assertEquals(index, error.getFunctionArgument(), error.getText());
      return error.getText();
    }

    /** The text of an error about the call as a whole. */
    String errorAboutNoArgument() {
      assertTrue(error != null, () -> "no FunctionError, result " + result);
      assertFalse(error.hasFunctionArgument(), error.getText());
      assertFalse(error.getText().isBlank(), "a function error needs text");
      return error.getText();
    }
  }

  private static CtyType parameterType(Tfplugin6.Function function, int index) {
    return index < function.getParametersCount()
        ? ResourceSchema.parseType(function.getParameters(index).getType().toStringUtf8()) : CtyType.DYNAMIC;
  }

  /** CallFunction with arguments already encoded; a gRPC error fails the test (Terraform: "Plugin error"). */
  private Called callEncoded(Walk walk, String name, List<Tfplugin6.DynamicValue> arguments) {
    Tfplugin6.CallFunction.Response response;
    try {
      response = walk.stub().callFunction(Tfplugin6.CallFunction.Request.newBuilder().setName(name)
          .addAllArguments(arguments).build());
    } catch (StatusRuntimeException transport) {
      throw new AssertionError("CallFunction " + name + " failed with a gRPC error: " + transport.getStatus()
          + walk.process().stderrTail());
    }
    if (response.hasError()) {
      return new Called(null, response.getError());
    }
    Tfplugin6.Function function = declared.get(name);
    CtyType returnType = ResourceSchema.parseType(function.getReturn().getType().toStringUtf8());
    assertTrue(response.getResult().getJson().isEmpty(), "Terraform asks for msgpack results");
    try {
      Value result = CtyMsgpack.decode(response.getResult().getMsgpack().toByteArray(), returnType);
      assertFalse(result.isNull() || !result.isWhollyKnown(), "a function result must be known and not null");
      return new Called(result, null);
    } catch (CtyMsgpack.WireError error) {
      throw new AssertionError(name + "'s result does not decode as " + returnType.toJson() + ": " + error);
    }
  }

  private Called call(Walk walk, String name, Value... arguments) {
    Tfplugin6.Function function = declared.get(name);
    List<Tfplugin6.DynamicValue> encoded = new ArrayList<>();
    for (int index = 0; index < arguments.length; index++) {
      encoded.add(ProviderRpc.dynamic(arguments[index], parameterType(function, index)));
    }
    return callEncoded(walk, name, encoded);
  }

  private Called call(Walk walk, String name, String... arguments) {
    return call(walk, name, Arrays.stream(arguments).map(Value::string).toArray(Value[]::new));
  }

  @Test
  void get_provider_schema_declares_the_three_functions_as_terraform_validates_them() {
    assertEquals(List.of("expiry", "parse_duration", "rotation_due"), List.copyOf(new TreeMap<>(declared).keySet()));
    Map<String, List<String>> parameters = Map.of("parse_duration", List.of("duration"),
        "expiry", List.of("issued_at", "lifetime"), "rotation_due", List.of("expires_at", "at", "rotate_before"));
    Map<String, CtyType> returns = Map.of("parse_duration", CtyType.NUMBER, "expiry", CtyType.STRING,
        "rotation_due", CtyType.BOOL);
    declared.forEach((name, function) -> {
      assertEquals(parameters.get(name), function.getParametersList().stream()
          .map(Tfplugin6.Function.Parameter::getName).toList(), name);
      for (int index = 0; index < function.getParametersCount(); index++) {
        Tfplugin6.Function.Parameter parameter = function.getParameters(index);
        assertEquals(CtyType.STRING, parameterType(function, index), name + "." + parameter.getName());
        assertFalse(parameter.getAllowNullValue(), name + "." + parameter.getName() + " allows null");
        assertFalse(parameter.getAllowUnknownValues(), name + "." + parameter.getName() + " allows unknown");
        assertFalse(parameter.getDescription().isBlank(), name + "." + parameter.getName() + " has no description");
      }
      assertFalse(function.hasVariadicParameter(), name);
      assertEquals(returns.get(name), ResourceSchema.parseType(function.getReturn().getType().toStringUtf8()), name);
      assertFalse(function.getSummary().isBlank() || function.getDescription().isBlank(), name);
    });
  }

  @Test
  void an_unconfigured_provider_serves_get_functions_and_get_metadata_with_the_same_functions() {
    try (Walk unconfigured = terraform.validateWalk()) {
      Tfplugin6.GetFunctions.Response functions = unconfigured.stub().getFunctions(
          Tfplugin6.GetFunctions.Request.getDefaultInstance());
      assertEquals(List.of(), Diag.of(functions.getDiagnosticsList()));
      assertEquals(declared, functions.getFunctionsMap());
      Tfplugin6.GetMetadata.Response metadata = unconfigured.stub().getMetadata(
          Tfplugin6.GetMetadata.Request.getDefaultInstance());
      assertEquals(List.copyOf(new TreeMap<>(declared).keySet()), metadata.getFunctionsList().stream()
          .map(Tfplugin6.GetMetadata.FunctionMetadata::getName).sorted().toList());
    }
  }

  @Test
  void an_unconfigured_provider_computes_each_function() {
    try (Walk unconfigured = terraform.validateWalk()) {
      assertEquals(Value.number(5400), call(unconfigured, "parse_duration", "1h30m").returned());
      assertEquals(Value.number(45), call(unconfigured, "parse_duration", "45s").returned());
      assertEquals(Value.string("2025-01-01T01:30:00.000000+00:00"),
          call(unconfigured, "expiry", "2025-01-01T00:00:00Z", "1h30m").returned());
      assertEquals(Value.string("2025-06-30T22:00:15.000000+00:00"),
          call(unconfigured, "expiry", "2025-06-30T23:59:30+02:00", "45s").returned());
      assertEquals(Value.bool(true), call(unconfigured, "rotation_due", EXPIRES_AT, "2025-01-01T00:50:00Z", "15m")
          .returned());
      assertEquals(Value.bool(false), call(unconfigured, "rotation_due", EXPIRES_AT, "2025-01-01T00:40:00Z", "15m")
          .returned());
      assertEquals(Value.bool(true), call(unconfigured, "rotation_due", EXPIRES_AT, "2025-01-01T00:45:00Z", "15m")
          .returned(), "due exactly at expires_at - rotate_before");
      assertEquals(Value.bool(false), call(unconfigured, "rotation_due", EXPIRES_AT, "2025-01-01T01:40:00+01:00",
          "15m").returned(), "an offset in at is honoured");
    }
  }

  @Test
  void plan_and_apply_processes_get_equal_results_for_equal_arguments() {
    List<Value> results = new ArrayList<>();
    for (String walkName : List.of("plan", "apply")) {
      try (Walk walk = terraform.walk(walkName)) {
        results.add(call(walk, "expiry", "2025-03-04T05:06:07.890123Z", "7d").returned());
        results.add(call(walk, "rotation_due", "2025-03-11T05:06:07.890123+00:00", "2025-03-11T04:30:00Z", "1h")
            .returned());
      }
    }
    assertEquals(List.of(Value.string("2025-03-11T05:06:07.890123+00:00"), Value.bool(true)), results.subList(0, 2));
    assertEquals(results.subList(0, 2), results.subList(2, 4));
  }

  @Test
  void each_bad_argument_is_a_function_error_on_that_argument() {
    try (Walk unconfigured = terraform.validateWalk()) {
      assertTrue(call(unconfigured, "parse_duration", "soon").errorAt(0).contains("\"soon\" is not a duration"));
      assertTrue(call(unconfigured, "expiry", "2025-01-01T00:00:00Z", "zz").errorAt(1).contains("\"zz\""));
      assertTrue(call(unconfigured, "expiry", "yesterday", "1h").errorAt(0).contains("RFC 3339"));
      assertTrue(call(unconfigured, "expiry", "2025-01-01T00:00:00Z", "0s").errorAt(1).contains("at least one"));
      call(unconfigured, "rotation_due", "soon", "2025-01-01T00:50:00Z", "15m").errorAt(0);
      call(unconfigured, "rotation_due", EXPIRES_AT, "now", "15m").errorAt(1);
      call(unconfigured, "rotation_due", EXPIRES_AT, "2025-01-01T00:50:00Z", "a while").errorAt(2);
      assertTrue(unconfigured.process().process().isAlive());
    }
  }

  @Test
  void what_terraform_refuses_itself_is_a_function_error_from_the_provider_too() {
    try (Walk unconfigured = terraform.validateWalk()) {
      assertTrue(call(unconfigured, "parse_duration", Value.nullOf(CtyType.STRING)).errorAt(0)
          .contains("must not be null"));
      assertTrue(call(unconfigured, "expiry", Value.string("2025-01-01T00:00:00Z"), Value.unknown(CtyType.STRING))
          .errorAt(1).contains("must be known"));
      call(unconfigured, "rotation_due", Value.string(EXPIRES_AT), Value.nullOf(CtyType.STRING),
          Value.string("15m")).errorAt(1);
      assertTrue(callEncoded(unconfigured, "parse_duration", List.of(Tfplugin6.DynamicValue.getDefaultInstance()))
          .errorAt(0).contains("must not be null"), "an absent DynamicValue is null");
      assertTrue(callEncoded(unconfigured, "parse_duration", List.of(Tfplugin6.DynamicValue.newBuilder()
          .setMsgpack(ByteString.copyFrom(new byte[] {(byte) 0xc1})).build())).errorAt(0)
          .contains("could not decode"));
      assertTrue(call(unconfigured, "parse_duration", Value.number(90)).errorAt(0).contains("could not decode"),
          "a number where the declaration says string");
      assertTrue(call(unconfigured, "parse_duration", "1h", "2h").errorAt(1).contains("takes 1 argument"));
      assertTrue(call(unconfigured, "expiry", "2025-01-01T00:00:00Z").errorAboutNoArgument()
          .contains("takes 2 arguments"));
      assertTrue(callEncoded(unconfigured, "no_such_function", List.of()).errorAboutNoArgument()
          .contains("\"no_such_function\""));
      assertTrue(unconfigured.process().process().isAlive());
    }
  }
}
