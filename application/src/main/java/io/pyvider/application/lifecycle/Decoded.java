package io.pyvider.application.lifecycle;

import io.pyvider.application.port.in.WireValue;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import java.util.Map;

/** Decoding of wire values with diagnostics collected on the side, so each service reads straight through. */
final class Decoded {

  private Diagnostics diagnostics = Diagnostics.NONE;

  Value value(WireValue wire, CtyType type, String what) {
    WireValue.Decoding decoding = wire.decodeAs(type);
    if (decoding instanceof WireValue.Decoded decoded) {
      return decoded.value();
    }
    if (decoding instanceof WireValue.DecoderFailed failed) {
      add(Diagnoses.decoderFailed(what, failed.failure()));
      return Value.nullOf(type);
    }
    WireValue.Malformed malformed = (WireValue.Malformed) decoding;
    add(Diagnoses.malformed(what, malformed.path(), malformed.message()));
    return Value.nullOf(type);
  }

  /** Errors for required attributes that are null in configuration (Terraform's own "Missing required argument"). */
  void requireConfigured(Block block, Value config) {
    if (!(config instanceof Value.ObjectVal object)) {
      return;
    }
    for (Map.Entry<String, Attribute> entry : block.attributes().entrySet()) {
      if (entry.getValue().required() && object.get(entry.getKey()).isNull()) {
        add(Diagnoses.missingRequired(entry.getKey()));
      }
    }
  }

  void add(Diagnostic diagnostic) {
    diagnostics = diagnostics.plus(diagnostic);
  }

  void add(Diagnostics more) {
    diagnostics = diagnostics.plus(more);
  }

  boolean failed() {
    return diagnostics.hasErrors();
  }

  Diagnostics diagnostics() {
    return diagnostics;
  }
}
