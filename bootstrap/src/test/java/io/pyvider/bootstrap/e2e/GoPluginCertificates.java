package io.pyvider.bootstrap.e2e;

import io.pyvider.application.port.out.TlsIdentity;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Client certificates as go-plugin's AutoMTLS makes them for Terraform (GP mtls.go generateCert): ECDSA P-521,
 * self-signed, CN and SAN localhost, O HashiCorp, IsCA, EKU client+server auth, valid from 30 s ago for ~30 years.
 */
final class GoPluginCertificates {

  private static final SecureRandom RANDOM = new SecureRandom();

  private GoPluginCertificates() {
  }

  /** A fresh certificate like the one Terraform generates for each provider client. */
  static TlsIdentity terraformClient() {
    return generate("HashiCorp");
  }

  /** A certificate of the same shape that the provider was not told about (not in PLUGIN_CLIENT_CERT). */
  static TlsIdentity foreign() {
    return generate("Somebody Else");
  }

  private static TlsIdentity generate(String organisation) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp521r1"), RANDOM);
      KeyPair keys = generator.generateKeyPair();
      X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, organisation)
          .addRDN(BCStyle.CN, "localhost").build();
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(128, RANDOM),
          Date.from(now.minusSeconds(30)), Date.from(now.plus(Duration.ofHours(262980))), subject, keys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
          | KeyUsage.keyEncipherment | KeyUsage.keyAgreement | KeyUsage.keyCertSign));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
          new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth}));
      builder.addExtension(Extension.subjectAlternativeName, false,
          new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
      X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA512withECDSA").build(keys.getPrivate())));
      return new TlsIdentity(keys.getPrivate(), certificate);
    } catch (Exception impossible) {
      throw new IllegalStateException("cannot generate a P-521 test certificate", impossible);
    }
  }

  /** The PEM text go-plugin puts in PLUGIN_CLIENT_CERT. */
  static String pem(TlsIdentity identity) {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(identity.certificate().getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /**
   * A JDK TLS context as go-plugin's client uses: presents {@code client} (or nothing when null) and trusts only the
   * server certificate from the handshake line.
   */
  static SSLContext clientContext(TlsIdentity client, X509Certificate server) throws GeneralSecurityException {
    try {
      char[] password = "e2e".toCharArray();
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      if (client != null) {
        keys.setKeyEntry("client", client.privateKey(), password, new Certificate[] {client.certificate()});
      }
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, password);
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("server", server);
      TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), RANDOM);
      return context;
    } catch (java.io.IOException impossible) {
      throw new GeneralSecurityException(impossible);
    }
  }
}
