package io.pyvider.adapters.crypto;

import dagger.BindsInstance;
import dagger.Component;
import io.pyvider.application.port.out.CertificateIssuer;
import io.pyvider.application.port.out.Clock;
import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.IdGenerator;
import io.pyvider.application.port.out.StateSealer;
import io.pyvider.application.port.out.WorkingDirectory;
import javax.inject.Singleton;

/** A component like the composition root's, to check that {@link CryptoModule} wires every port. */
@Singleton
@Component(modules = CryptoModule.class)
interface TestCryptoComponent {

  StateSealer stateSealer();

  KeyRing keyRing();

  IdGenerator idGenerator();

  CertificateIssuer certificateIssuer();

  /** The environment is the root's to bind. */
  @Component.Factory
  interface Factory {
    TestCryptoComponent create(@BindsInstance Environment environment,
        @BindsInstance WorkingDirectory workingDirectory, @BindsInstance Clock clock);
  }
}
