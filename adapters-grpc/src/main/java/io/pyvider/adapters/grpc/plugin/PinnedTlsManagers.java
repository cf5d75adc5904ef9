package io.pyvider.adapters.grpc.plugin;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Key and trust managers pinned to exactly one server identity and exactly the client certificate(s) go-plugin
 * announced in PLUGIN_CLIENT_CERT. Building them directly skips netty's PKCS12 key store and the JDK's factory
 * machinery, which cost hundreds of milliseconds at every provider start; pinning by bytes is also stricter than
 * chain building: only the announced certificate is accepted.
 */
final class PinnedTlsManagers {

  private static final String ALIAS = "pyvider";

  private PinnedTlsManagers() {
  }

  static X509ExtendedKeyManager keyManager(PrivateKey key, X509Certificate certificate) {
    return new X509ExtendedKeyManager() {
      private String aliasFor(String keyType) {
        return keyType != null && keyType.equalsIgnoreCase(key.getAlgorithm()) ? ALIAS : null;
      }

      @Override
      public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return aliasFor(keyType);
      }

      @Override
      public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return aliasFor(keyType);
      }

      @Override
      public String[] getServerAliases(String keyType, Principal[] issuers) {
        String alias = aliasFor(keyType);
        return alias == null ? null : new String[] {alias};
      }

      @Override
      public String[] getClientAliases(String keyType, Principal[] issuers) {
        return getServerAliases(keyType, issuers);
      }

      @Override
      public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return Arrays.stream(keyTypes).map(this::aliasFor).filter(a -> a != null).findFirst().orElse(null);
      }

      @Override
      public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return chooseClientAlias(keyTypes, issuers, null);
      }

      @Override
      public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? new X509Certificate[] {certificate} : null;
      }

      @Override
      public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? key : null;
      }
    };
  }

  static X509ExtendedTrustManager trustExactly(List<X509Certificate> trusted) {
    byte[][] encoded = trusted.stream().map(PinnedTlsManagers::encoded).toArray(byte[][]::new);
    X509Certificate[] issuers = trusted.toArray(new X509Certificate[0]);
    return new X509ExtendedTrustManager() {
      private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
          throw new CertificateException("no certificate presented");
        }
        byte[] presented = encoded(chain[0]);
        for (byte[] candidate : encoded) {
          if (Arrays.equals(candidate, presented)) {
            chain[0].checkValidity();
            return;
          }
        }
        throw new CertificateException("the peer's certificate is not the one announced in PLUGIN_CLIENT_CERT");
      }

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
          throws CertificateException {
        check(chain);
      }

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
          throws CertificateException {
        check(chain);
      }

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
          throws CertificateException {
        check(chain);
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
          throws CertificateException {
        check(chain);
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
      }

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        // Lets go-plugin's client select its certificate: it sends one only if its issuer is listed.
        return issuers.clone();
      }
    };
  }

  private static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException unencodable) {
      throw new IllegalArgumentException("certificate cannot be encoded", unencodable);
    }
  }
}
