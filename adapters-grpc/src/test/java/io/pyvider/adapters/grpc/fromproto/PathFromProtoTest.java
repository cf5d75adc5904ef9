package io.pyvider.adapters.grpc.fromproto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pyvider.adapters.grpc.proto.Tfplugin6;
import io.pyvider.adapters.grpc.toproto.PathToProto;
import io.pyvider.domain.terraform.cty.AttributePath;
import org.junit.jupiter.api.Test;

class PathFromProtoTest {

  @Test
  void roundTripsEveryKindOfStep() {
    AttributePath path = AttributePath.attribute("rule").index(2).then("keepers").key("a\"b").index(-1);
    Tfplugin6.AttributePath proto = PathToProto.path(path);
    assertEquals(5, proto.getStepsCount());
    assertEquals("rule", proto.getSteps(0).getAttributeName());
    assertEquals(2, proto.getSteps(1).getElementKeyInt());
    assertEquals("a\"b", proto.getSteps(3).getElementKeyString());
    assertEquals(path, PathFromProto.path(proto));
  }

  @Test
  void emptyPathIsRoot() {
    assertEquals(AttributePath.ROOT, PathFromProto.path(Tfplugin6.AttributePath.getDefaultInstance()));
    assertEquals(0, PathToProto.path(AttributePath.ROOT).getStepsCount());
  }

  @Test
  void aStepWithoutSelectorIsRejected() {
    Tfplugin6.AttributePath proto = Tfplugin6.AttributePath.newBuilder()
        .addSteps(Tfplugin6.AttributePath.Step.getDefaultInstance()).build();
    assertThrows(IllegalArgumentException.class, () -> PathFromProto.path(proto));
  }
}
