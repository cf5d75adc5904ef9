package io.pyvider.adapters.crypto;

import dagger.Module;
import dagger.Provides;
import io.pyvider.application.port.out.CertificateIssuer;
import io.pyvider.application.port.out.Clock;
import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.IdGenerator;
import io.pyvider.application.port.out.StateSealer;
import io.pyvider.application.port.out.WorkingDirectory;
import javax.inject.Singleton;

/**
 * Binds the crypto adapter's ports: {@link StateSealer}, {@link IdGenerator}, {@link CertificateIssuer} and the
 * {@link KeyRing} (whose first-run notice the composition root logs). The component must bind {@link Environment},
 * {@link WorkingDirectory} and {@link Clock}: one Terraform run's.
 */
@Module
public abstract class CryptoModule {

  private CryptoModule() {}

  @Provides
  @Singleton
  static KeyRing keyRing(Environment environment, WorkingDirectory workingDirectory) {
    return Crypto.keyRing(environment, workingDirectory.path());
  }

  // One ring per component: the sealer must share it, or the first-run notice would be raised on a ring nobody asks.
  @Provides
  @Singleton
  static StateSealer stateSealer(KeyRing ring) {
    return Crypto.sealer(ring);
  }

  @Provides
  @Singleton
  static IdGenerator idGenerator() {
    return Crypto.idGenerator();
  }

  @Provides
  @Singleton
  static CertificateIssuer certificateIssuer(Clock clock) {
    return Crypto.certificateIssuer(clock);
  }
}
