package io.pyvider.adapters.grpc.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.pyvider.adapters.grpc.plugin.HcLog;
import io.pyvider.adapters.grpc.proto.ProviderGrpc;
import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.adapters.grpc.wire.MsgpackValueCodec;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.FunctionUseCase;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.in.WireValue;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.FunctionDeclaration;
import io.pyvider.domain.terraform.schema.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** GetFunctions and CallFunction over an in-process channel: only the mapping, the use case is scripted. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FunctionRpcsTest {

  private static final FunctionDeclaration UPPER = new FunctionDeclaration("upper", "Upper-cases", "Upper-cases text.",
      List.of(new FunctionDeclaration.Parameter("text", CtyType.STRING, "the text", false, false)), CtyType.STRING);

  private final List<Commands.CallFunction> calls = new ArrayList<>();
  private FunctionUseCase functions = command -> {
    calls.add(command);
    return Outcomes.CallFunction.returned(CtyType.STRING, Value.string("HELLO"));
  };
  private Server server;
  private ManagedChannel channel;
  private ProviderGrpc.ProviderBlockingStub provider;

  @BeforeEach
  void start() throws Exception {
    String name = InProcessServerBuilder.generateName();
    Outcomes.ProviderSchemas schemas = new Outcomes.ProviderSchemas(new Schema(0, Block.of("", List.of())),
        Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of("upper", UPPER), Map.of());
    // Only the schema and function use cases are reached by these RPCs.
    TerraformProviderService service = new TerraformProviderService(() -> schemas, null, null, null, null, null,
        command -> functions.call(command), null, HcLog.off("test", Instant::now), Runnable::run);
    server = InProcessServerBuilder.forName(name).directExecutor().addService(service).build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    provider = ProviderGrpc.newBlockingStub(channel);
  }

  @AfterEach
  void stop() {
    channel.shutdownNow();
    server.shutdownNow();
  }

  private static Tfplugin6.DynamicValue msgpack(Value value, CtyType type) {
    return Tfplugin6.DynamicValue.newBuilder()
        .setMsgpack(ByteString.copyFrom(MsgpackValueCodec.encode(value, type))).build();
  }

  private Tfplugin6.CallFunction.Response call(Tfplugin6.DynamicValue... arguments) {
    return provider.callFunction(Tfplugin6.CallFunction.Request.newBuilder().setName("upper")
        .addAllArguments(List.of(arguments)).build());
  }

  @Test
  void get_functions_serves_the_declarations_get_provider_schema_serves() {
    Tfplugin6.GetFunctions.Response functions = provider.getFunctions(
        Tfplugin6.GetFunctions.Request.getDefaultInstance());
    Tfplugin6.GetProviderSchema.Response schema = provider.getProviderSchema(
        Tfplugin6.GetProviderSchema.Request.getDefaultInstance());

    assertEquals(List.of("upper"), List.copyOf(functions.getFunctionsMap().keySet()));
    assertEquals(schema.getFunctionsMap(), functions.getFunctionsMap());
    assertEquals(0, functions.getDiagnosticsCount());
  }

  @Test
  void call_function_passes_name_and_arguments_and_returns_the_result_as_msgpack_of_its_type() throws Exception {
    Tfplugin6.CallFunction.Response response = call(msgpack(Value.string("hello"), CtyType.STRING),
        Tfplugin6.DynamicValue.getDefaultInstance());

    assertFalse(response.hasError());
    assertEquals(Value.string("HELLO"), MsgpackValueCodec.decode(response.getResult().getMsgpack().toByteArray(),
        CtyType.STRING));
    Commands.CallFunction command = calls.get(0);
    assertEquals("upper", command.name());
    assertEquals(new WireValue.Decoded(Value.string("hello")), command.arguments().get(0).decodeAs(CtyType.STRING));
    assertEquals(new WireValue.Decoded(Value.nullOf(CtyType.STRING)),
        command.arguments().get(1).decodeAs(CtyType.STRING), "an empty DynamicValue is null, as in Terraform");
  }

  @Test
  void an_error_about_an_argument_carries_its_index_and_no_result() {
    functions = command -> Outcomes.CallFunction.failed("not text", OptionalInt.of(0));

    Tfplugin6.CallFunction.Response response = call(msgpack(Value.string("x"), CtyType.STRING));

    assertEquals("not text", response.getError().getText());
    assertTrue(response.getError().hasFunctionArgument());
    assertEquals(0, response.getError().getFunctionArgument());
    assertFalse(response.hasResult());
  }

  @Test
  void an_error_about_no_argument_sets_no_function_argument() {
    functions = command -> Outcomes.CallFunction.failed("no such function", OptionalInt.empty());

    Tfplugin6.CallFunction.Response response = call();

    assertEquals("no such function", response.getError().getText());
    assertFalse(response.getError().hasFunctionArgument(), "argument 0 would blame the first argument");
  }

  @Test
  void a_use_case_that_throws_becomes_a_function_error_not_a_grpc_error() {
    functions = command -> {
      throw new IllegalStateException("boom");
    };

    Tfplugin6.CallFunction.Response response = call(msgpack(Value.string("x"), CtyType.STRING));

    assertTrue(response.getError().getText().startsWith("Internal error in provider pyvider: CallFunction for upper "
        + "failed with IllegalStateException"), response.getError().getText());
    assertFalse(response.getError().hasFunctionArgument());
  }
}
