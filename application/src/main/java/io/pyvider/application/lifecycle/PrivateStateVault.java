package io.pyvider.application.lifecycle;

import io.pyvider.application.component.PrivateState;
import io.pyvider.application.port.out.PrivateData;
import io.pyvider.application.port.out.SealResult;
import io.pyvider.application.port.out.SealingContext;
import io.pyvider.application.port.out.StateSealer;
import io.pyvider.application.port.out.UnsealResult;
import io.pyvider.domain.terraform.diag.Diagnostic;
import java.util.Arrays;

/**
 * Opens private state for components and seals what they return. A blob that opened with the current key and whose
 * content did not change is passed back byte for byte, so a refresh does not rewrite private state needlessly.
 */
final class PrivateStateVault {

  private final StateSealer sealer;

  PrivateStateVault(StateSealer sealer) {
    this.sealer = sealer;
  }

  PrivateState open(String typeName, byte[] blob) {
    return open(new SealingContext(typeName), blob);
  }

  PrivateState open(SealingContext context, byte[] blob) {
    if (blob == null || blob.length == 0) {
      return PrivateState.ABSENT;
    }
    UnsealResult result = sealer.unseal(blob, context);
    if (result instanceof UnsealResult.Opened opened) {
      return opened.data().isEmpty() ? PrivateState.ABSENT : new PrivateState.Opened(opened.data(), opened.staleKey());
    }
    UnsealResult.Failed failed = (UnsealResult.Failed) result;
    return new PrivateState.Unreadable(failed.reason(), failed.detail());
  }

  /** The blob to return: the original when unchanged and current, else freshly sealed. */
  Sealing seal(String typeName, PrivateData data, PrivateState original, byte[] originalBlob) {
    return seal(new SealingContext(typeName), data, original, originalBlob);
  }

  Sealing seal(SealingContext context, PrivateData data, PrivateState original, byte[] originalBlob) {
    if (data.isEmpty()) {
      return new Sealing(new byte[0], null);
    }
    if (original instanceof PrivateState.Opened opened && !opened.staleKey() && opened.data().equals(data)) {
      return new Sealing(Arrays.copyOf(originalBlob, originalBlob.length), null);
    }
    SealResult result = sealer.seal(data, context);
    if (result instanceof SealResult.Sealed sealed) {
      return new Sealing(sealed.blob(), null);
    }
    return new Sealing(new byte[0], Diagnostic.error("Private state could not be sealed",
        ((SealResult.Failed) result).detail()));
  }

  /** A sealed blob, or the error that prevented sealing. */
  record Sealing(byte[] blob, Diagnostic error) {
  }
}
