package io.pyvider.application.fakes;

import io.pyvider.application.port.out.PrivateData;
import io.pyvider.application.port.out.SealResult;
import io.pyvider.application.port.out.SealingContext;
import io.pyvider.application.port.out.StateSealer;
import io.pyvider.application.port.out.UnsealFailure;
import io.pyvider.application.port.out.UnsealResult;

/** A sealer with no key at all, as on a machine where no secret is set and no key file can be made. */
public final class KeylessSealer implements StateSealer {

  @Override
  public SealResult seal(PrivateData data, SealingContext context) {
    return new SealResult.Failed("Set PYVIDER_PRIVATE_STATE_SHARED_SECRET.");
  }

  @Override
  public UnsealResult unseal(byte[] blob, SealingContext context) {
    return new UnsealResult.Failed(UnsealFailure.NO_KEY, null);
  }
}
