package io.pyvider.application.port.out;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/** A key pair and self-signed certificate the plugin server presents during the handshake's mutual TLS. */
public record TlsIdentity(PrivateKey privateKey, X509Certificate certificate) {
  public TlsIdentity {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(certificate, "certificate");
  }

  @Override
  public String toString() {
    return "TlsIdentity[" + certificate.getSubjectX500Principal() + ", key redacted]";
  }
}
