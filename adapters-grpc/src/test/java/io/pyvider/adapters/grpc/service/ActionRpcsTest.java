package io.pyvider.adapters.grpc.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.pyvider.adapters.grpc.plugin.HcLog;
import io.pyvider.adapters.grpc.proto.ProviderGrpc;
import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.application.port.in.ActionUseCase;
import io.pyvider.application.port.in.Commands;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The action RPCs over a real gRPC call (in-process): InvokeAction streams progress, then exactly one completed
 * event, even when the use case fails; a call Terraform cancels reaches the use case as cancellation.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ActionRpcsTest {

  private final List<String> typeNamesSeen = new ArrayList<>();
  private Invocation invocation = (progress, cancelled) -> Diagnostics.NONE;
  private final Server server;
  private final ManagedChannel channel;
  private final ProviderGrpc.ProviderBlockingStub provider;

  /** What the fake use case does when invoked. */
  private interface Invocation {
    Diagnostics run(Consumer<String> progress, BooleanSupplier cancelled) throws InterruptedException;
  }

  ActionRpcsTest() throws Exception {
    ActionUseCase actions = new ActionUseCase() {
      @Override
      public Diagnostics validate(Commands.ValidateConfig command) {
        typeNamesSeen.add("validate " + command.typeName());
        return Diagnostics.of(Diagnostic.warning("validated", ""));
      }

      @Override
      public Diagnostics plan(Commands.PlanAction command) {
        typeNamesSeen.add("plan " + command.typeName());
        return Diagnostics.of(Diagnostic.warning("planned", ""));
      }

      @Override
      public Diagnostics invoke(Commands.InvokeAction command, Consumer<String> progress,
          BooleanSupplier callCancelled) {
        typeNamesSeen.add("invoke " + command.typeName());
        try {
          return invocation.run(progress, callCancelled);
        } catch (InterruptedException interrupted) {
          throw new IllegalStateException(interrupted);
        }
      }
    };
    // Only the action RPCs are called: the other use cases are never reached.
    TerraformProviderService service = new TerraformProviderService(null, null, null, null, null, null, null, actions,
        HcLog.off("test", () -> Instant.EPOCH), Runnable::run);
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).addService(service).build().start();
    channel = InProcessChannelBuilder.forName(name).build();
    provider = ProviderGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() {
    channel.shutdownNow();
    server.shutdownNow();
  }

  private static List<String> events(Iterator<Tfplugin6.InvokeAction.Event> stream) {
    List<String> events = new ArrayList<>();
    stream.forEachRemaining(event -> events.add(switch (event.getTypeCase()) {
      case PROGRESS -> "progress " + event.getProgress().getMessage();
      case COMPLETED -> "completed " + event.getCompleted().getDiagnosticsList().stream()
          .map(d -> d.getSeverity() + " " + d.getSummary()).toList();
      default -> "other";
    }));
    return events;
  }

  private static Tfplugin6.InvokeAction.Request invokeRequest() {
    return Tfplugin6.InvokeAction.Request.newBuilder().setActionType("pyvider_thing").build();
  }

  @Test
  void validate_and_plan_answer_with_the_use_cases_diagnostics_for_the_named_action() {
    Tfplugin6.ValidateActionConfig.Response validated = provider.validateActionConfig(
        Tfplugin6.ValidateActionConfig.Request.newBuilder().setTypeName("pyvider_thing").build());
    Tfplugin6.PlanAction.Response planned = provider.planAction(
        Tfplugin6.PlanAction.Request.newBuilder().setActionType("pyvider_thing").build());

    assertEquals("validated", validated.getDiagnostics(0).getSummary());
    assertEquals("planned", planned.getDiagnostics(0).getSummary());
    assertEquals(List.of("validate pyvider_thing", "plan pyvider_thing"), typeNamesSeen);
  }

  @Test
  void invoke_streams_each_progress_report_then_one_completed_event() {
    invocation = (progress, cancelled) -> {
      progress.accept("sending");
      progress.accept("sent");
      return Diagnostics.of(Diagnostic.warning("slow server", ""));
    };

    assertEquals(List.of("progress sending", "progress sent", "completed [WARNING slow server]"),
        events(provider.invokeAction(invokeRequest())));
    assertEquals(List.of("invoke pyvider_thing"), typeNamesSeen);
  }

  @Test
  void a_failing_use_case_still_ends_in_a_completed_event_with_an_error_not_a_grpc_error() {
    invocation = (progress, cancelled) -> {
      progress.accept("sending");
      throw new IllegalStateException("a bug");
    };

    assertEquals(List.of("progress sending", "completed [ERROR Internal error in provider pyvider]"),
        events(provider.invokeAction(invokeRequest())));
  }

  @Test
  void a_call_terraform_cancels_is_reported_to_the_use_case_as_cancelled() throws Exception {
    CountDownLatch sawCancellation = new CountDownLatch(1);
    invocation = (progress, cancelled) -> {
      progress.accept("waiting");
      for (int polls = 0; polls < 500 && !cancelled.getAsBoolean(); polls++) {
        Thread.sleep(10);
      }
      if (cancelled.getAsBoolean()) {
        sawCancellation.countDown();
      }
      progress.accept("after the cancellation: dropped, without an exception");
      return Diagnostics.NONE;
    };

    Context.CancellableContext call = Context.current().withCancellation();
    Iterator<Tfplugin6.InvokeAction.Event> stream = call.call(() -> provider.invokeAction(invokeRequest()));
    assertEquals("waiting", stream.next().getProgress().getMessage());
    call.cancel(null);

    assertTrue(sawCancellation.await(10, TimeUnit.SECONDS), "the use case never saw the call cancelled");
  }
}
