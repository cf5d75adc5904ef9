package io.pyvider.adapters.grpc.plugin;

import com.google.protobuf.Empty;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.pyvider.adapters.grpc.proto.GRPCStdioGrpc;
import io.pyvider.adapters.grpc.proto.GrpcStdio;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * plugin.GRPCStdio: go-plugin ≥ 1.5 opens this stream on connect. We never write to stdout after the handshake and
 * log to stderr directly, so the stream stays open and empty until shutdown.
 */
final class StdioService extends GRPCStdioGrpc.GRPCStdioImplBase {

  private final Set<StreamObserver<GrpcStdio.StdioData>> open = ConcurrentHashMap.newKeySet();

  @Override
  public void streamStdio(Empty request, StreamObserver<GrpcStdio.StdioData> out) {
    open.add(out);
    if (out instanceof ServerCallStreamObserver<GrpcStdio.StdioData> call) {
      call.setOnCancelHandler(() -> open.remove(out));
    }
  }

  void closeAll() {
    for (StreamObserver<GrpcStdio.StdioData> out : open) {
      try {
        out.onCompleted();
      } catch (RuntimeException alreadyClosed) {
        // The client went away first; nothing to close.
      }
    }
    open.clear();
  }
}
