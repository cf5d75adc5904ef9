package io.pyvider.adapters.crypto;

import io.pyvider.application.port.out.CertificateIssuer;
import io.pyvider.application.port.out.TlsIdentity;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.function.Supplier;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues the plugin server's self-signed EC P-256 certificate with Bouncy Castle's ASN.1 builders and the JDK's own
 * providers for keys and signatures (registering Bouncy Castle as a provider costs about 250 ms of start-up).
 */
final class SelfSignedCertificateIssuer implements CertificateIssuer {

  // Go checks validity even for a pinned certificate; the slack absorbs clock skew between Terraform and the JVM.
  private static final Duration BACKDATE = Duration.ofSeconds(30);
  private static final Duration LIFETIME = Duration.ofDays(365);
  private static final X500Principal SUBJECT = new X500Principal("CN=localhost, O=pyvider");

  private final Supplier<Instant> now;
  private final SecureRandom random;

  SelfSignedCertificateIssuer(Supplier<Instant> now, SecureRandom random) {
    this.now = Objects.requireNonNull(now, "now");
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public TlsIdentity issueSelfSigned() {
    try {
      // P-256: Go accepts it, and it is much cheaper to generate at start-up than P-521.
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      KeyPair keys = generator.generateKeyPair();
      Instant issuedAt = now.get();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(SUBJECT, serialNumber(),
          Date.from(issuedAt.minus(BACKDATE)), Date.from(issuedAt.plus(LIFETIME)), SUBJECT, keys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment
              | KeyUsage.keyAgreement | KeyUsage.keyCertSign))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
              new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
          .addExtension(Extension.subjectAlternativeName, false,
              new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
      // No setProvider: the signer and the converter use the JDK's default providers (SunEC, SUN).
      X509Certificate certificate = new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
      return new TlsIdentity(keys.getPrivate(), certificate);
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot issue the plugin server's self-signed certificate: " + e.getMessage(), e);
    }
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
    return "SelfSignedCertificateIssuer[EC P-256, SHA256withECDSA]";
  }
}
