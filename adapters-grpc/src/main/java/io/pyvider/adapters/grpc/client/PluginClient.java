package io.pyvider.adapters.grpc.client;

import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NegotiationType;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import io.pyvider.adapters.grpc.proto.GRPCControllerGrpc;
import io.pyvider.adapters.grpc.proto.GrpcController;
import io.pyvider.adapters.grpc.proto.ProviderGrpc;
import io.pyvider.application.port.out.TlsIdentity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * The client half of go-plugin, as Terraform uses it: parse the handshake line, connect over mutual TLS (ALPN h2,
 * server name localhost, trusting only the certificate from the line), call the provider, and ask it to shut down.
 * The trainer, the end-to-end tests and {@code doctor} all speak to the provider through this.
 */
public final class PluginClient implements AutoCloseable {

  private final ManagedChannel channel;
  private final HandshakeLine handshake;

  private PluginClient(ManagedChannel channel, HandshakeLine handshake) {
    this.channel = channel;
    this.handshake = handshake;
  }

  /** Connects to the server the handshake line describes, presenting {@code clientIdentity} (null: plaintext). */
  public static PluginClient connect(HandshakeLine handshake, TlsIdentity clientIdentity) throws IOException {
    NettyChannelBuilder builder = NettyChannelBuilder.forAddress(handshake.host(), handshake.port())
        .maxInboundMessageSize(Integer.MAX_VALUE);
    if (clientIdentity == null || handshake.serverCertificate() == null) {
      builder.negotiationType(NegotiationType.PLAINTEXT);
    } else {
      SslContext tls = GrpcSslContexts.configure(SslContextBuilder.forClient()
          .keyManager(clientIdentity.privateKey(), clientIdentity.certificate())
          .trustManager(handshake.serverCertificate()), SslProvider.JDK).build();
      builder.sslContext(tls).overrideAuthority("localhost");
    }
    return new PluginClient(builder.build(), handshake);
  }

  public ProviderGrpc.ProviderBlockingStub provider() {
    return ProviderGrpc.newBlockingStub(channel);
  }

  public HandshakeLine handshake() {
    return handshake;
  }

  /** go-plugin's Ping: the health service's "plugin" entry. */
  public boolean healthy() {
    return HealthGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
        .check(HealthCheckRequest.newBuilder().setService("plugin").build()).getStatus()
        == HealthCheckResponse.ServingStatus.SERVING;
  }

  /** GRPCController.Shutdown, as go-plugin's Kill() sends it; errors are ignored as go-plugin ignores them. */
  public void requestShutdown() {
    try {
      GRPCControllerGrpc.newBlockingStub(channel).withDeadlineAfter(2, TimeUnit.SECONDS)
          .shutdown(GrpcController.Empty.getDefaultInstance());
    } catch (RuntimeException alreadyGone) {
      // The plugin may close the connection before answering; go-plugin ignores this too.
    }
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** A parsed go-plugin handshake line: {@code 1|6|tcp|127.0.0.1:PORT|grpc|CERT}. */
  public record HandshakeLine(int coreVersion, int appVersion, String network, String host, int port,
      String protocol, X509Certificate serverCertificate) {

    public static HandshakeLine parse(String line) throws IOException {
      String[] parts = line.trim().split("\\|", -1);
      if (parts.length < 5) {
        throw new IOException("unrecognized plugin handshake (" + parts.length + " fields)");
      }
      if (!"tcp".equals(parts[2])) {
        throw new IOException("unsupported network type " + parts[2]);
      }
      int colon = parts[3].lastIndexOf(':');
      X509Certificate certificate = null;
      if (parts.length > 5 && parts[5].length() > 50) {
        try {
          certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
              new ByteArrayInputStream(Base64.getDecoder().decode(parts[5])));
        } catch (CertificateException | IllegalArgumentException bad) {
          throw new IOException("the handshake's server certificate is unreadable", bad);
        }
      }
      try {
        return new HandshakeLine(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), parts[2],
            parts[3].substring(0, colon), Integer.parseInt(parts[3].substring(colon + 1)), parts[4], certificate);
      } catch (RuntimeException bad) {
        throw new IOException("malformed plugin handshake: " + bad.getMessage(), bad);
      }
    }
  }
}
