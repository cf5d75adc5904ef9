package io.pyvider.adapters.grpc.toproto;

import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.domain.terraform.cty.AttributePath;

/** Converts a core attribute path to the protocol's AttributePath. */
public final class PathToProto {
  private PathToProto() {
  }

  public static Tfplugin6.AttributePath path(AttributePath path) {
    Tfplugin6.AttributePath.Builder out = Tfplugin6.AttributePath.newBuilder();
    for (AttributePath.Step step : path.steps()) {
      Tfplugin6.AttributePath.Step.Builder s = Tfplugin6.AttributePath.Step.newBuilder();
      if (step instanceof AttributePath.Step.AttributeName a) {
        s.setAttributeName(a.name());
      } else if (step instanceof AttributePath.Step.ElementKeyString k) {
        s.setElementKeyString(k.key());
      } else if (step instanceof AttributePath.Step.ElementKeyInt i) {
        s.setElementKeyInt(i.index());
      }
      out.addSteps(s);
    }
    return out.build();
  }
}
