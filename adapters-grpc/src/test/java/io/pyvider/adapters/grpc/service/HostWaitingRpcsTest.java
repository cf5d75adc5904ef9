package io.pyvider.adapters.grpc.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.stub.StreamObserver;
import io.pyvider.adapters.grpc.plugin.HcLog;
import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.ManagedResourceUseCase;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Resource calls for a type that waits on the host (file_content on a hung file system) run on the host-work
 * executor, so the thread that received them (an event loop other calls and other Terraform runs share) is free at
 * once; calls for pure types answer on the receiving thread as before.
 */
class HostWaitingRpcsTest {

  private static final String SLOW = "pyvider_slow_disk";
  private static final String PURE = "pyvider_pure";

  private final CountDownLatch diskAnswers = new CountDownLatch(1);
  private final ExecutorService loop = Executors.newSingleThreadExecutor(work -> new Thread(work, "loop"));
  private final ExecutorService hostWork = Executors.newSingleThreadExecutor(work -> new Thread(work, "host-work"));
  private final TerraformProviderService service = new TerraformProviderService(null, null, new SlowDiskResources(),
      null, null, null, null, null, HcLog.off("test", () -> Instant.EPOCH), hostWork);

  @AfterEach
  void stop() {
    diskAnswers.countDown();
    loop.shutdownNow();
    hostWork.shutdownNow();
  }

  @Test
  void applyForATypeThatWaitsOnTheHostLeavesTheReceivingThreadFreeForOtherCalls() throws Exception {
    Answer<Tfplugin6.ApplyResourceChange.Response> slow = new Answer<>();
    loop.submit(() -> service.applyResourceChange(
        Tfplugin6.ApplyResourceChange.Request.newBuilder().setTypeName(SLOW).build(), slow));

    // Had the hung write stayed on the loop, this call would queue behind it and time out.
    Answer<Tfplugin6.ApplyResourceChange.Response> pure = new Answer<>();
    loop.submit(() -> service.applyResourceChange(
        Tfplugin6.ApplyResourceChange.Request.newBuilder().setTypeName(PURE).build(), pure));
    assertEquals("loop", pure.within(10).thread(), "a pure call answers on the loop");
    assertEquals(Optional.empty(), slow.now(), "the write answered before the disk did");

    diskAnswers.countDown();
    Answered<Tfplugin6.ApplyResourceChange.Response> answered = slow.within(10);
    assertEquals("host-work", answered.thread());
    assertTrue(answered.response().getDiagnosticsList().isEmpty(), answered.response().toString());
  }

  @Test
  void readPlanAndImportForSuchATypeMoveOffTheReceivingThreadToo() throws Exception {
    diskAnswers.countDown();
    check(service::readResource, Tfplugin6.ReadResource.Request.newBuilder().setTypeName(SLOW).build());
    check(service::planResourceChange, Tfplugin6.PlanResourceChange.Request.newBuilder().setTypeName(SLOW).build());
    check(service::importResourceState,
        Tfplugin6.ImportResourceState.Request.newBuilder().setTypeName(SLOW).setId("x").build());
  }

  private static <Q, R> void check(BiConsumer<Q, StreamObserver<R>> rpc, Q request) throws Exception {
    Answer<R> answer = new Answer<>();
    rpc.accept(request, answer);
    assertEquals("host-work", answer.within(10).thread(), request.getClass().getName());
  }

  private record Answered<R>(R response, String thread) {
  }

  /** The one response of a unary call and the thread that sent it. */
  private static final class Answer<R> implements StreamObserver<R> {
    private final CompletableFuture<Answered<R>> answered = new CompletableFuture<>();

    @Override
    public void onNext(R response) {
      answered.complete(new Answered<>(response, Thread.currentThread().getName()));
    }

    @Override
    public void onError(Throwable failure) {
      answered.completeExceptionally(failure);
    }

    @Override
    public void onCompleted() {
    }

    Optional<Answered<R>> now() {
      return Optional.ofNullable(answered.getNow(null));
    }

    Answered<R> within(int seconds) throws Exception {
      return answered.get(seconds, TimeUnit.SECONDS);
    }
  }

  /** Resources whose calls for {@link #SLOW} wait until the test lets the disk answer. */
  private final class SlowDiskResources implements ManagedResourceUseCase {

    @Override
    public boolean waitsOnHost(String typeName) {
      return typeName.equals(SLOW);
    }

    private void disk(String typeName) {
      if (typeName.equals(SLOW)) {
        try {
          diskAnswers.await();
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    public Outcomes.ApplyResource apply(Commands.ApplyResource command) {
      disk(command.typeName());
      return new Outcomes.ApplyResource(CtyType.STRING, Value.string("written"), new byte[0], Diagnostics.NONE);
    }

    @Override
    public Outcomes.ReadResource read(Commands.ReadResource command) {
      disk(command.typeName());
      return new Outcomes.ReadResource(CtyType.STRING, Value.string("read"), new byte[0], Diagnostics.NONE);
    }

    @Override
    public Outcomes.PlanResource plan(Commands.PlanResource command) {
      disk(command.typeName());
      return new Outcomes.PlanResource(CtyType.STRING, Value.string("planned"), new byte[0], List.of(),
          Diagnostics.NONE);
    }

    @Override
    public Outcomes.ImportResource importState(Commands.ImportResource command) {
      disk(command.typeName());
      return new Outcomes.ImportResource(CtyType.STRING, Optional.of(Value.string("imported")), new byte[0],
          Diagnostics.NONE);
    }

    @Override
    public Diagnostics validate(Commands.ValidateConfig command) {
      throw new UnsupportedOperationException("not called");
    }

    @Override
    public Outcomes.UpgradeResource upgrade(Commands.UpgradeResource command) {
      throw new UnsupportedOperationException("not called");
    }

    @Override
    public Outcomes.UpgradeIdentity upgradeIdentity(Commands.UpgradeIdentity command) {
      throw new UnsupportedOperationException("not called");
    }

    @Override
    public Outcomes.GenerateConfig generateConfig(Commands.GenerateConfig command) {
      throw new UnsupportedOperationException("not called");
    }
  }
}
