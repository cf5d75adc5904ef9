package io.pyvider.application.fakes;

import io.pyvider.application.port.in.WireValue;
import io.pyvider.domain.terraform.cty.Value;

/** A wire value that is already decoded: lets core tests drive the services without a codec. */
public final class MapWire {
  private MapWire() {
  }

  public static WireValue of(Value value) {
    return type -> new WireValue.Decoded(value);
  }
}
