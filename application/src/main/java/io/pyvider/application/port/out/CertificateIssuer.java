package io.pyvider.application.port.out;

/**
 * Issues the plugin server's self-signed certificate: an EC key, SAN {@code DNS:localhost}, usable for both server
 * and client authentication, as go-plugin's own AutoMTLS certificates are.
 */
public interface CertificateIssuer {
  TlsIdentity issueSelfSigned();
}
