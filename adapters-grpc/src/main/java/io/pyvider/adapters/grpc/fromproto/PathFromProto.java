package io.pyvider.adapters.grpc.fromproto;

import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.domain.terraform.cty.AttributePath;

/** Converts the protocol's AttributePath to a core attribute path. */
public final class PathFromProto {
  private PathFromProto() {
  }

  /** Throws IllegalArgumentException for a step with no selector: no meaning could be given to it. */
  public static AttributePath path(Tfplugin6.AttributePath path) {
    AttributePath out = AttributePath.ROOT;
    for (Tfplugin6.AttributePath.Step step : path.getStepsList()) {
      out = switch (step.getSelectorCase()) {
        case ATTRIBUTE_NAME -> out.then(step.getAttributeName());
        case ELEMENT_KEY_STRING -> out.key(step.getElementKeyString());
        case ELEMENT_KEY_INT -> out.index(step.getElementKeyInt());
        case SELECTOR_NOT_SET -> throw new IllegalArgumentException("attribute path step " + out.steps().size()
            + " has no selector");
      };
    }
    return out;
  }
}
