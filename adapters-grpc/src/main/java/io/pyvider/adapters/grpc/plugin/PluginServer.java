package io.pyvider.adapters.grpc.plugin;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2SecurityUtil;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolConfig;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolNames;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.JdkSslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.grpc.protobuf.services.HealthStatusManager;
import io.pyvider.application.port.out.TlsIdentity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The go-plugin server side: gRPC on 127.0.0.1 within Terraform's port range, mutual TLS that requires the client
 * certificate Terraform sent, ALPN h2, the health service reporting "plugin" as SERVING, and the controller and stdio
 * services. TCP rather than a unix socket: portable, no native transport to load, and measured no slower.
 */
public final class PluginServer {

  /** Terraform-plugin-go raises grpc's 4 MiB inbound limit to 256 MiB; large states need it. */
  static final int MAX_INBOUND_MESSAGE_BYTES = 256 << 20;
  static final String LOOPBACK = "127.0.0.1";
  /** Provider RPCs that may wait on the network or on the client: see {@link #executorFor}. */
  static final Set<String> BLOCKING_CALLS = Set.of("tfplugin6.Provider/ReadDataSource",
      "tfplugin6.Provider/InvokeAction", "tfplugin6.Provider/ListResource");

  private final Server server;
  private final StdioService stdio;
  private final EventLoopGroup ownEventLoops; // null when the loops are shared with other servers
  private final int port;

  private PluginServer(Server server, StdioService stdio, EventLoopGroup ownEventLoops, int port) {
    this.server = server;
    this.stdio = stdio;
    this.ownEventLoops = ownEventLoops;
    this.port = port;
  }

  /** Event loops for many servers in one process (the daemon's sessions): two threads serve them all. */
  public static EventLoopGroup sharedEventLoops() {
    return new NioEventLoopGroup(2);
  }

  /**
   * Binds the first free port of the range (starting at a random point, so concurrent providers rarely collide) and
   * starts serving. {@code tlsSetup} is null when TLS is off.
   */
  public static PluginServer start(PluginEnvironment environment, Tls tlsSetup,
      Collection<BindableService> services, Runnable onShutdownRequest) throws IOException {
    return start(environment, () -> tlsSetup, services, onShutdownRequest);
  }

  /**
   * As {@link #start(PluginEnvironment, Tls, Collection, Runnable)}, asking for TLS only once everything else is
   * ready: the services, event loops and first server builder are set up while another core is still building it.
   */
  public static PluginServer start(PluginEnvironment environment, Supplier<Tls> tlsSetup,
      Collection<BindableService> services, Runnable onShutdownRequest) throws IOException {
    return start(environment, tlsSetup, services, onShutdownRequest, null);
  }

  /**
   * As {@link #start(PluginEnvironment, Supplier, Collection, Runnable)} on event loops shared with other servers
   * ({@code sharedEventLoops}, which {@link #stop()} leaves running), or on its own when that is null.
   */
  public static PluginServer start(PluginEnvironment environment, Supplier<Tls> tlsSetup,
      Collection<BindableService> services, Runnable onShutdownRequest, EventLoopGroup sharedEventLoops)
      throws IOException {
    HealthStatusManager health = new HealthStatusManager();
    health.setStatus("plugin", io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);
    StdioService stdio = new StdioService();
    List<BindableService> all = new ArrayList<>(services);
    all.add(health.getHealthService());
    all.add(new ControllerService(onShutdownRequest));
    all.add(stdio);

    // Our own event loops, so stop() can end them: a thread still waiting in the selector's native call makes the
    // JVM's exit wait 300 ms (HotSpot's VM_Exit waits for threads in native code), and go-plugin's Kill() waits for us.
    EventLoopGroup ownEventLoops = sharedEventLoops == null ? new NioEventLoopGroup(2) : null;
    EventLoopGroup eventLoops = sharedEventLoops == null ? ownEventLoops : sharedEventLoops;
    int min = Math.max(1, environment.minPort());
    int max = Math.max(min, environment.maxPort());
    int span = max - min + 1;
    int offset = ThreadLocalRandom.current().nextInt(span);
    NettyServerBuilder builder = builder(min + offset % span, eventLoops, all);
    Tls ready = tlsSetup.get();
    SslContext tls = ready == null ? null : ready.context;
    IOException lastFailure = null;
    for (int attempt = 0; attempt < Math.min(span, 200); attempt++) {
      int port = min + (offset + attempt) % span;
      if (attempt > 0) {
        builder = builder(port, eventLoops, all);
      }
      if (tls != null) {
        builder.sslContext(tls);
      }
      Server server = builder.build();
      try {
        server.start();
        return new PluginServer(server, stdio, ownEventLoops, port);
      } catch (IOException inUse) {
        lastFailure = inUse;
        server.shutdownNow();
      }
    }
    if (ownEventLoops != null) {
      ownEventLoops.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
    }
    throw new IOException("no free TCP port on " + LOOPBACK + " between " + min + " and " + max, lastFailure);
  }

  private static NettyServerBuilder builder(int port, EventLoopGroup eventLoops, List<BindableService> services) {
    NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(LOOPBACK, port))
        .bossEventLoopGroup(eventLoops).workerEventLoopGroup(eventLoops)
        .channelType(NioServerSocketChannel.class)
        .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
        .callExecutor(PluginServer::executorFor);
    services.forEach(builder::addService);
    return builder;
  }

  /**
   * Where a call runs. Most provider RPCs are short computations: they run on the event loop that read them, which
   * saves two thread hand-offs per call (most of a warm call's latency). Calls that may wait on the network or on
   * retries (reading a data source: {@code pyvider_http_api}; an action's request) or on the client (a listing
   * streamed as fast as Terraform reads it) go to the shared pool so they never hold a loop.
   */
  private static java.util.concurrent.Executor executorFor(io.grpc.ServerCall<?, ?> call, io.grpc.Metadata headers) {
    String method = call.getMethodDescriptor().getFullMethodName();
    return method.startsWith("tfplugin6.Provider/") && !BLOCKING_CALLS.contains(method) ? Runnable::run : null;
  }

  /**
   * The server's side of mutual TLS, built apart from {@link #start} so that it can run on another core while the
   * rest of the provider wires itself up.
   */
  public static Tls tls(TlsIdentity identity, String clientCertificatePem) throws IOException {
    return new Tls(sslContext(identity, clientCertificatePem), identity.certificate());
  }

  /** A ready TLS context and the certificate the handshake line announces. */
  public static final class Tls {
    private final SslContext context;
    private final X509Certificate certificate;

    private Tls(SslContext context, X509Certificate certificate) {
      this.context = context;
      this.certificate = certificate;
    }

    public X509Certificate certificate() {
      return certificate;
    }
  }

  // The JDK's TLS, not netty's OpenSSL: BoringSSL rejects Terraform's P-521 client certificate. (The process's
  // entry point initialises netty's JdkSslContext once, before any server, so that it skips the JDK's CA bundle.)
  private static SslContext sslContext(TlsIdentity identity, String clientCertificatePem) throws IOException {
    return jdkContext(identity, clientCertificatePem);
  }

  /**
   * A netty context over an SSLContext we initialise ourselves: netty's own builder would also run
   * JdkSslServerContext's static probe, which generates a throwaway self-signed certificate at every start.
   */
  private static SslContext jdkContext(TlsIdentity identity, String clientCertificatePem) throws IOException {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(new KeyManager[] {PinnedTlsManagers.keyManager(identity.privateKey(), identity.certificate())},
          new TrustManager[] {PinnedTlsManagers.trustExactly(parseCertificates(clientCertificatePem))}, null);
      // ALPN "h2": grpc-go (Terraform's client) refuses TLS servers that do not negotiate it.
      ApplicationProtocolConfig alpn = new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
          ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
          ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, ApplicationProtocolNames.HTTP_2);
      return new JdkSslContext(context, false, Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE,
          alpn, ClientAuth.REQUIRE, new String[] {"TLSv1.3", "TLSv1.2"}, false);
    } catch (GeneralSecurityException unusable) {
      throw new IOException("cannot set up TLS: " + unusable.getMessage(), unusable);
    }
  }

  static List<X509Certificate> parseCertificates(String pem) throws IOException {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      List<X509Certificate> certificates = new ArrayList<>();
      for (java.security.cert.Certificate certificate : factory.generateCertificates(
          new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
        certificates.add((X509Certificate) certificate);
      }
      if (certificates.isEmpty()) {
        throw new IOException("PLUGIN_CLIENT_CERT holds no certificate");
      }
      return certificates;
    } catch (CertificateException unreadable) {
      throw new IOException("PLUGIN_CLIENT_CERT is not a PEM certificate: " + unreadable.getMessage(), unreadable);
    }
  }

  public int port() {
    return port;
  }

  /**
   * Stops at once, as go-plugin's own servers do on GRPCController.Shutdown (grpc-go's Stop, not GracefulStop):
   * go-plugin only asks when it is done with the provider, and a graceful HTTP/2 drain waits on the client for
   * hundreds of milliseconds that Terraform would spend blocked in Kill() at the end of every walk.
   */
  public void stop() {
    stdio.closeAll();
    server.shutdownNow();
    try {
      server.awaitTermination(500, TimeUnit.MILLISECONDS);
      if (ownEventLoops != null) {
        ownEventLoops.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).await(500, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }
}
