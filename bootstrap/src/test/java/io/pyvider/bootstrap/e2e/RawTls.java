package io.pyvider.bootstrap.e2e;

import io.pyvider.application.port.out.TlsIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A bare JDK TLS connection to the provider, configured as go-plugin's client (server name localhost, only the
 * handshake's certificate trusted, ALPN h2, TLS 1.2+), so the tests can see what gRPC hides: the negotiated ALPN and
 * protocol, and whether the server serves or rejects a client certificate.
 */
final class RawTls implements AutoCloseable {

  /** What happened after the HTTP/2 client preface. */
  enum Outcome { SERVED, REJECTED }

  private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EMPTY_SETTINGS = {0, 0, 0, 4, 0, 0, 0, 0, 0};

  private final SSLSocket socket;

  private RawTls(SSLSocket socket) {
    this.socket = socket;
  }

  static RawTls connect(String handshakeLine, TlsIdentity client, X509Certificate server)
      throws IOException, GeneralSecurityException {
    String address = handshakeLine.split("\\|")[3];
    int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    Socket plain = new Socket();
    plain.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
    SSLSocket tls = (SSLSocket) GoPluginCertificates.clientContext(client, server).getSocketFactory()
        .createSocket(plain, "localhost", port, true);
    SSLParameters parameters = tls.getSSLParameters();
    parameters.setApplicationProtocols(new String[] {"h2"});
    parameters.setEndpointIdentificationAlgorithm("HTTPS"); // verify the name localhost, as Go's ServerName does
    parameters.setServerNames(List.of(new SNIHostName("localhost")));
    parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
    tls.setSSLParameters(parameters);
    tls.setSoTimeout(30_000);
    RawTls connection = new RawTls(tls);
    try {
      tls.startHandshake();
    } catch (IOException failed) {
      connection.close();
      throw failed;
    }
    return connection;
  }

  SSLSocket socket() {
    return socket;
  }

  /**
   * Sends the HTTP/2 client preface and an empty SETTINGS frame. A server that accepted the client answers with its
   * own SETTINGS frame; one that rejected the certificate (TLS 1.3 reports it after the handshake) sends an alert or
   * closes the connection.
   */
  Outcome exchangePreface() throws IOException {
    try {
      OutputStream out = socket.getOutputStream();
      out.write(PREFACE);
      out.write(EMPTY_SETTINGS);
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] header = in.readNBytes(9);
      if (header.length < 9) {
        return Outcome.REJECTED;
      }
      if (header[3] != 4) {
        throw new AssertionError("the server's first HTTP/2 frame is type " + header[3] + ", not SETTINGS");
      }
      return Outcome.SERVED;
    } catch (SocketTimeoutException silent) {
      throw new AssertionError("the server neither served nor rejected the client within 30 s", silent);
    } catch (IOException alertOrReset) {
      return Outcome.REJECTED;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
