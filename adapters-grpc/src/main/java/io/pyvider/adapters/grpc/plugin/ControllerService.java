package io.pyvider.adapters.grpc.plugin;

import io.grpc.stub.StreamObserver;
import io.pyvider.adapters.grpc.proto.GRPCControllerGrpc;
import io.pyvider.adapters.grpc.proto.GrpcController;

/** plugin.GRPCController: go-plugin's client asks the plugin to exit; it then waits 2 s before killing it. */
final class ControllerService extends GRPCControllerGrpc.GRPCControllerImplBase {

  private final Runnable onShutdownRequest;

  ControllerService(Runnable onShutdownRequest) {
    this.onShutdownRequest = onShutdownRequest;
  }

  @Override
  public void shutdown(GrpcController.Empty request, StreamObserver<GrpcController.Empty> out) {
    out.onNext(GrpcController.Empty.getDefaultInstance());
    out.onCompleted();
    // Stop from another thread: this call must complete before the server can drain.
    Thread stopper = new Thread(onShutdownRequest, "plugin-shutdown");
    stopper.setDaemon(false);
    stopper.start();
  }
}
