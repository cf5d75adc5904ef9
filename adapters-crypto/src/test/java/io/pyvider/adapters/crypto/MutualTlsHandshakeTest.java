package io.pyvider.adapters.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.pyvider.application.port.out.TlsIdentity;
import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** The JDK's TLS stack accepts the identity for mutual TLS, checking the SAN, validity and key usages. */
class MutualTlsHandshakeTest {

  private static final char[] PASSWORD = "in-memory".toCharArray();

  private static SSLContext context(TlsIdentity identity) throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("plugin", identity.privateKey(), PASSWORD, new Certificate[] {identity.certificate()});
    KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, PASSWORD);
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("plugin", identity.certificate());
    TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trusted);
    SSLContext context = SSLContext.getInstance("TLSv1.3");
    context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
    return context;
  }

  @Test
  void aJdkSslContextBuiltFromTheIdentityCompletesAMutualTlsHandshakeForLocalhost() throws Exception {
    TlsIdentity identity = Crypto.certificateIssuer(java.time.Instant::now).issueSelfSigned();
    SSLContext context = context(identity);
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 1,
        loopback)) {
      server.setNeedClientAuth(true);
      server.setSoTimeout(10_000);
      CompletableFuture<Certificate> clientSeenByServer = CompletableFuture.supplyAsync(() -> {
        try (SSLSocket accepted = (SSLSocket) server.accept()) {
          accepted.setSoTimeout(10_000);
          accepted.startHandshake();
          accepted.getOutputStream().write(42);
          accepted.getOutputStream().flush();
          return accepted.getSession().getPeerCertificates()[0];
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      try (Socket plain = new Socket(loopback, server.getLocalPort());
          SSLSocket client = (SSLSocket) context.getSocketFactory().createSocket(plain, "localhost",
              server.getLocalPort(), true)) {
        client.setSoTimeout(10_000);
        SSLParameters parameters = client.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS"); // checks SAN DNS:localhost, as Go does
        client.setSSLParameters(parameters);
        client.startHandshake();
        assertEquals(42, client.getInputStream().read());
        assertEquals(identity.certificate(), client.getSession().getPeerCertificates()[0]);
        assertEquals("TLSv1.3", client.getSession().getProtocol());
      }
      assertNotNull(clientSeenByServer.get(10, TimeUnit.SECONDS));
    }
  }
}
