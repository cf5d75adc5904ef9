package io.pyvider.adapters.crypto;

import io.pyvider.application.port.out.CertificateIssuer;
import io.pyvider.application.port.out.Clock;
import io.pyvider.application.port.out.Environment;
import io.pyvider.application.port.out.IdGenerator;
import io.pyvider.application.port.out.StateSealer;
import java.nio.file.Path;
import java.security.SecureRandom;

/** Factories for this adapter's implementations, for code that is not wired by Dagger (the CLI, other tests). */
public final class Crypto {

  private Crypto() {}

  /** A key ring over this environment; it reads nothing until a key is first needed. */
  public static KeyRing keyRing(Environment environment) {
    return new KeyRing(environment, new SecureRandom());
  }

  /** A key ring for one Terraform run, resolving a relative key-file path against its working directory. */
  public static KeyRing keyRing(Environment environment, Path workingDirectory) {
    return new KeyRing(environment, workingDirectory, new SecureRandom());
  }

  /** A sealer over an existing ring (share the ring to see its first-run notice). */
  public static StateSealer sealer(KeyRing ring) {
    return new PrivateStateSealer(ring, new SecureRandom());
  }

  /** A sealer over a new key ring for this environment. */
  public static StateSealer sealer(Environment environment) {
    return sealer(keyRing(environment));
  }

  public static CertificateIssuer certificateIssuer(Clock clock) {
    return new SelfSignedCertificateIssuer(clock::now, new SecureRandom());
  }

  /**
   * Identities shaped like Terraform's client certificate (go-plugin's P-521, signed with SHA-512), so a warm-up
   * exercises the TLS paths Terraform's handshakes take.
   */
  public static CertificateIssuer terraformLikeIssuer(Clock clock) {
    return new SelfSignedCertificateIssuer(clock::now, new SecureRandom(), SelfSignedCertificateIssuer.Curve.P521);
  }

  public static IdGenerator idGenerator() {
    return new SecureRandomIdGenerator();
  }

  /**
   * A new secret for {@code PYVIDER_PRIVATE_STATE_SHARED_SECRET}: 32 random bytes, base64url without padding (43
   * characters, no comma, so it can also be listed in {@code PYVIDER_PRIVATE_STATE_PREVIOUS_SECRETS}).
   */
  public static String newSharedSecret() {
    return KeyRing.newSecret(new SecureRandom());
  }
}
