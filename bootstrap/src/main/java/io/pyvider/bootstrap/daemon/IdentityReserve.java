package io.pyvider.bootstrap.daemon;

import io.pyvider.application.port.out.CertificateIssuer;
import io.pyvider.application.port.out.Clock;
import io.pyvider.application.port.out.TlsIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Server identities made ahead of the sessions that need them: a new EC key and certificate cost a session several
 * milliseconds, most of its start. Each identity is handed out once and never reused, and one that waited longer
 * than a minute is thrown away, so a session's certificate is as fresh and as private as one made on demand.
 */
public final class IdentityReserve implements CertificateIssuer {

  private static final int SIZE = 2;
  private static final Duration FRESH_FOR = Duration.ofMinutes(1);

  private record Made(TlsIdentity identity, Instant at) {
  }

  private final CertificateIssuer issuer;
  private final Clock clock;
  private final Executor background;
  private final BlockingQueue<Made> ready = new ArrayBlockingQueue<>(SIZE);
  private final AtomicBoolean refilling = new AtomicBoolean();

  public IdentityReserve(CertificateIssuer issuer, Clock clock, Executor background) {
    this.issuer = issuer;
    this.clock = clock;
    this.background = background;
  }

  /** A fresh identity from the reserve, or one made now when the reserve is empty; then the reserve is refilled. */
  @Override
  public TlsIdentity issueSelfSigned() {
    Made made;
    while ((made = ready.poll()) != null) {
      if (Duration.between(made.at(), clock.now()).compareTo(FRESH_FOR) < 0) {
        refill();
        return made.identity();
      }
    }
    refill();
    return issuer.issueSelfSigned();
  }

  /** Fills the reserve in the background; one refill at a time. */
  private void refill() {
    if (!refilling.compareAndSet(false, true)) {
      return;
    }
    background.execute(() -> {
      try {
        while (ready.remainingCapacity() > 0) {
          ready.offer(new Made(issuer.issueSelfSigned(), clock.now()));
        }
      } finally {
        refilling.set(false);
      }
    });
  }
}
