package io.pyvider.adapters.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.port.out.CertificateIssuer;
import io.pyvider.application.port.out.TlsIdentity;
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plugin server's certificate has what go-plugin and Go's TLS stack check for. */
class SelfSignedCertificateIssuerTest {

  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private final TlsIdentity identity = new SelfSignedCertificateIssuer(() -> NOW, new SecureRandom()).issueSelfSigned();
  private final X509Certificate certificate = identity.certificate();

  @Test
  void theCertificateParsesWithTheJdkCertificateFactory() throws Exception {
    X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(certificate.getEncoded()));
    assertEquals(certificate, parsed);
    assertEquals(3, parsed.getVersion());
  }

  @Test
  void subjectAndIssuerAreLocalhostOfPyviderWithSanDnsLocalhost() throws Exception {
    assertEquals("CN=localhost,O=pyvider", certificate.getSubjectX500Principal().getName());
    assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal());
    assertTrue(certificate.getSubjectAlternativeNames().contains(List.of(2, "localhost")));
  }

  @Test
  void itServesForBothServerAndClientAuthenticationAsACa() throws Exception {
    assertTrue(certificate.getExtendedKeyUsage().containsAll(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2")));
    assertTrue(certificate.getBasicConstraints() >= 0, "CA=true");
    boolean[] usage = certificate.getKeyUsage();
    // digitalSignature(0), keyEncipherment(2), keyAgreement(4), keyCertSign(5)
    assertArrayEquals(new boolean[] {true, false, true, false, true, true, false, false, false},
        java.util.Arrays.copyOf(usage, 9));
    assertTrue(certificate.getCriticalExtensionOIDs().containsAll(List.of("2.5.29.19", "2.5.29.15")));
  }

  @Test
  void theSelfSignatureVerifiesWithItsOwnEcP256Key() throws Exception {
    certificate.verify(certificate.getPublicKey());
    assertEquals("SHA256withECDSA", certificate.getSigAlgName());
    ECPublicKey key = assertInstanceOf(ECPublicKey.class, certificate.getPublicKey());
    assertEquals(256, key.getParams().getCurve().getField().getFieldSize());
    assertInstanceOf(ECPrivateKey.class, identity.privateKey());
  }

  @Test
  void itIsValidFromThirtySecondsAgoForOneYear() throws Exception {
    assertEquals(Date.from(NOW.minusSeconds(30)), certificate.getNotBefore());
    assertEquals(Date.from(NOW.plus(Duration.ofDays(365))), certificate.getNotAfter());
    certificate.checkValidity(Date.from(NOW));
  }

  @Test
  void serialsArePositiveRandomAndAtMost128Bits() {
    X509Certificate other = Crypto.certificateIssuer(java.time.Instant::now).issueSelfSigned().certificate();
    assertTrue(certificate.getSerialNumber().signum() > 0);
    assertTrue(certificate.getSerialNumber().bitLength() <= 128);
    assertNotEquals(certificate.getSerialNumber(), other.getSerialNumber());
    assertNotEquals(certificate.getPublicKey(), other.getPublicKey());
  }

  @Test
  void aTerraformLikeIdentityIsP521SignedWithSha512LikeGoPlugins() throws Exception {
    CertificateIssuer terraformLike = Crypto.terraformLikeIssuer(() -> NOW);
    X509Certificate client = terraformLike.issueSelfSigned().certificate();
    client.verify(client.getPublicKey());
    assertEquals("SHA512withECDSA", client.getSigAlgName());
    assertEquals(521, ((ECPublicKey) client.getPublicKey()).getParams().getCurve().getField().getFieldSize());
    assertEquals("SelfSignedCertificateIssuer[EC secp521r1, SHA512withECDSA]", terraformLike.toString());
    assertEquals("SelfSignedCertificateIssuer[EC secp256r1, SHA256withECDSA]",
        Crypto.certificateIssuer(() -> NOW).toString());
  }

  @Test
  void theIdentityNeverPrintsItsKey() {
    assertTrue(identity.toString().contains("redacted"));
  }
}
