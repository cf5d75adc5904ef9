package io.pyvider.bootstrap;

/**
 * The only process-wide setting the provider makes, done once by an entry point before any Terraform run is served
 * (never per run: a daemon serves many runs at once, and a property swapped by one would leak into another).
 */
final class JvmSetup {

  private static final String TRUST_STORE_PROPERTY = "javax.net.ssl.trustStore";
  private static final String NETTY_JDK_TLS = "io.grpc.netty.shaded.io.netty.handler.ssl.JdkSslContext";
  private static boolean nettyTlsInitialised; // guarded by JvmSetup.class

  private JvmSetup() {
  }

  /**
   * netty's JdkSslContext initialises a default SSLContext in its static initialiser, which parses the JDK's whole CA
   * bundle (~150 certificates, a few hundred ms at every start). The plugin server trusts only the pinned certificate,
   * so the default trust store points at nothing while netty initialises; the JDK reloads the real one for later users
   * (the HTTP data source) because it keys its cache on the property.
   */
  static synchronized void initialiseNettyTls() {
    if (nettyTlsInitialised) {
      return;
    }
    nettyTlsInitialised = true;
    String trustStore = System.getProperty(TRUST_STORE_PROPERTY);
    System.setProperty(TRUST_STORE_PROPERTY, "NONE");
    try {
      Class.forName(NETTY_JDK_TLS, true, JvmSetup.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError unavailable) {
      // The first server initialises it then, with the CA bundle: slower, still correct.
    } finally {
      if (trustStore == null) {
        System.clearProperty(TRUST_STORE_PROPERTY);
      } else {
        System.setProperty(TRUST_STORE_PROPERTY, trustStore);
      }
    }
  }
}
