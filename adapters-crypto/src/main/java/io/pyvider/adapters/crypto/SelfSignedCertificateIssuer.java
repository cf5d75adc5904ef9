package io.pyvider.adapters.crypto;

import io.pyvider.application.port.out.CertificateIssuer;
import io.pyvider.application.port.out.TlsIdentity;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Issues the plugin server's self-signed EC certificate (P-256; P-521 for a client shaped like Terraform's). The certificate is encoded directly in DER with the
 * JDK's keys and signatures: it happens at every provider start, and Bouncy Castle's builders cost about twice the
 * time of this path there (java-notes: ~195 ms against ~106 ms cold), while registering Bouncy Castle as a provider
 * would cost ~250 ms more.
 */
final class SelfSignedCertificateIssuer implements CertificateIssuer {

  // Go checks validity even for a pinned certificate; the slack absorbs clock skew between Terraform and the JVM.
  private static final Duration BACKDATE = Duration.ofSeconds(30);
  private static final Duration LIFETIME = Duration.ofDays(365);
  // Name: O=pyvider, CN=localhost (RDNs in encoding order).
  private static final byte[] NAME = Der.sequence(
      Der.set(Der.sequence(Der.oid("2.5.4.10"), Der.utf8("pyvider"))),
      Der.set(Der.sequence(Der.oid("2.5.4.3"), Der.utf8("localhost"))));
  /** The key's curve and how the certificate is signed. */
  enum Curve {
    /** Ours: Go accepts it, and it is much cheaper to generate at start-up than P-521. */
    P256("secp256r1", "SHA256withECDSA", "1.2.840.10045.4.3.2"),
    /** go-plugin's (Terraform's client certificate): to exercise the same TLS paths when warming up. */
    P521("secp521r1", "SHA512withECDSA", "1.2.840.10045.4.3.4");

    final String name;
    final String signature;
    final byte[] algorithm;

    Curve(String name, String signature, String oid) {
      this.name = name;
      this.signature = signature;
      this.algorithm = Der.sequence(Der.oid(oid));
    }
  }

  private final Supplier<Instant> now;
  private final SecureRandom random;
  private final Curve curve;

  SelfSignedCertificateIssuer(Supplier<Instant> now, SecureRandom random) {
    this(now, random, Curve.P256);
  }

  SelfSignedCertificateIssuer(Supplier<Instant> now, SecureRandom random, Curve curve) {
    this.now = Objects.requireNonNull(now, "now");
    this.random = Objects.requireNonNull(random, "random");
    this.curve = Objects.requireNonNull(curve, "curve");
  }

  @Override
  public TlsIdentity issueSelfSigned() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(curve.name), random);
      KeyPair keys = generator.generateKeyPair();
      Instant issuedAt = now.get();
      byte[] tbs = Der.sequence(
          Der.tagged(0xA0, Der.integer(BigInteger.TWO)), // v3
          Der.integer(serialNumber()),
          curve.algorithm,
          NAME,
          Der.sequence(Der.time(issuedAt.minus(BACKDATE)), Der.time(issuedAt.plus(LIFETIME))),
          NAME,
          keys.getPublic().getEncoded(), // already a DER SubjectPublicKeyInfo
          Der.tagged(0xA3, Der.sequence(extensions())));
      Signature signer = Signature.getInstance(curve.signature);
      signer.initSign(keys.getPrivate(), random);
      signer.update(tbs);
      byte[] der = Der.sequence(tbs, curve.algorithm, Der.bitString(0, signer.sign()));
      X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der));
      return new TlsIdentity(keys.getPrivate(), certificate);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot issue the plugin server's self-signed certificate: " + e.getMessage(), e);
    }
  }

  /** basicConstraints CA, keyUsage, extKeyUsage server+client, SAN DNS:localhost — what go-plugin's own certs carry. */
  private static byte[] extensions() {
    byte[] basicConstraints = extension("2.5.29.19", true, Der.sequence(Der.bool(true)));
    // digitalSignature(0) | keyEncipherment(2) | keyAgreement(4) | keyCertSign(5): 1010 1100, two unused bits.
    byte[] keyUsage = extension("2.5.29.15", true, Der.bitString(2, new byte[] {(byte) 0xAC}));
    byte[] extendedKeyUsage = extension("2.5.29.37", false,
        Der.sequence(Der.oid("1.3.6.1.5.5.7.3.1"), Der.oid("1.3.6.1.5.5.7.3.2")));
    byte[] subjectAltName = extension("2.5.29.17", false,
        Der.sequence(Der.tagged(0x82, "localhost".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
    return concat(basicConstraints, keyUsage, extendedKeyUsage, subjectAltName);
  }

  private static byte[] extension(String oid, boolean critical, byte[] value) {
    return critical ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
        : Der.sequence(Der.oid(oid), Der.octetString(value));
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** A positive, non-zero serial of 128 random bits, as RFC 5280 asks for (at most 20 octets). */
  private BigInteger serialNumber() {
    BigInteger serial;
    do {
      serial = new BigInteger(128, random);
    } while (serial.signum() == 0);
    return serial;
  }

  @Override
  public String toString() {
    return "SelfSignedCertificateIssuer[EC " + curve.name + ", " + curve.signature + "]";
  }
}
