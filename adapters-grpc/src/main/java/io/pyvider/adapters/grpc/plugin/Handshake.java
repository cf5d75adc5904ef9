package io.pyvider.adapters.grpc.plugin;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** The single line go-plugin reads from stdout: {@code 1|6|tcp|127.0.0.1:PORT|grpc|CERT}. */
public final class Handshake {

  public static final int CORE_PROTOCOL_VERSION = 1;

  private Handshake() {
  }

  /** The line for a TCP listener; the certificate is unpadded base64 DER (go-plugin uses RawStdEncoding). */
  public static String line(int appVersion, String host, int port, X509Certificate serverCertificate) {
    String cert = "";
    if (serverCertificate != null) {
      try {
        cert = Base64.getEncoder().withoutPadding().encodeToString(serverCertificate.getEncoded());
      } catch (CertificateEncodingException impossible) {
        throw new IllegalStateException("the server certificate cannot be encoded", impossible);
      }
    }
    return CORE_PROTOCOL_VERSION + "|" + appVersion + "|tcp|" + host + ":" + port + "|grpc|" + cert;
  }
}
