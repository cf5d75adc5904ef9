package io.pyvider.application.component.timedtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.component.timedtoken.TokenTerraform.Stored;
import io.pyvider.application.fakes.MapWire;
import io.pyvider.application.port.in.Commands;
import io.pyvider.application.port.in.Outcomes;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** UpgradeResourceState: state written by the Python provider (version 1), by us (2), and by a newer provider. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TimedTokenUpgradeTest {

  private static final String ID = "timed-token-id-6ba7b810-9dad-41d1-80b4-00c04fd430c8";
  private static final String TOKEN = "token-1b4e28ba-2fa1-41d2-883f-0016d3cca427";
  private static final String EXPIRES_AT = "2025-03-04T05:36:07.654321+00:00";

  private final TokenTerraform terraform = new TokenTerraform();

  /** The Python provider's JSON state: name, id, token, expires_at; the decoder fills the rest with null. */
  private Value.ObjectVal pythonState() {
    return terraform.block.emptyValue()
        .with("name", Value.string("legacy"))
        .with("id", Value.string(ID))
        .with("token", Value.string(TOKEN))
        .with("expires_at", Value.string(EXPIRES_AT));
  }

  private Outcomes.UpgradeResource upgrade(long version, Value stored) {
    return terraform.service.upgrade(new Commands.UpgradeResource(TokenTerraform.TYPE, version, MapWire.of(stored)));
  }

  @Test
  void version_one_state_gets_the_default_lifetime_and_is_not_ready_for_rotation() {
    Outcomes.UpgradeResource upgraded = upgrade(1, pythonState());

    assertEquals(Diagnostics.NONE, upgraded.diagnostics());
    Value.ObjectVal state = (Value.ObjectVal) upgraded.upgraded();
    assertEquals(Value.string("1h"), state.get("lifetime"));
    assertEquals(Value.bool(false), state.get("ready_for_rotation"));
  }

  @Test
  void version_one_state_keeps_every_value_it_had() {
    Value.ObjectVal state = (Value.ObjectVal) upgrade(1, pythonState()).upgraded();

    assertEquals(Value.string("legacy"), state.get("name"));
    assertEquals(Value.string(ID), state.get("id"));
    assertEquals(Value.string(TOKEN), state.get("token"));
    assertEquals(Value.string(EXPIRES_AT), state.get("expires_at"));
    assertTrue(state.get("rotate_before").isNull());
    assertTrue(state.get("keepers").isNull());
    assertEquals(terraform.type, upgrade(1, pythonState()).type());
  }

  @Test
  void version_zero_state_is_read_the_same_way() {
    assertEquals(upgrade(1, pythonState()).upgraded(), upgrade(0, pythonState()).upgraded());
  }

  @Test
  void upgraded_python_state_is_refreshed_planned_and_rotated_like_our_own() {
    Stored legacy = new Stored((Value.ObjectVal) upgrade(1, pythonState()).upgraded(), new byte[0]);

    Stored refreshed = terraform.refresh(legacy);
    assertEquals(legacy.state(), refreshed.state());
    assertEquals(Diagnostics.NONE, terraform.planUpdate(refreshed, terraform.config("legacy")).diagnostics());
    assertEquals(List.of(), terraform.planUpdate(refreshed, terraform.config("legacy")).requiresReplace());

    terraform.clock.advance(Duration.ofMinutes(30));
    assertFalse(terraform.refresh(legacy).ready());
    terraform.clock.advance(Duration.ofNanos(654_321_000));
    assertTrue(terraform.refresh(legacy).ready());
  }

  @Test
  void current_state_is_passed_through_unchanged() {
    Stored ours = terraform.create(terraform.config("ci"));

    Outcomes.UpgradeResource upgraded = upgrade(2, ours.state());

    assertEquals(Diagnostics.NONE, upgraded.diagnostics());
    assertEquals(ours.state(), upgraded.upgraded());
  }

  @Test
  void state_from_a_newer_provider_version_is_an_error() {
    Outcomes.UpgradeResource upgraded = upgrade(3, pythonState());

    assertTrue(upgraded.upgraded().isNull());
    assertEquals(1, upgraded.diagnostics().asList().size());
    Diagnostic error = upgraded.diagnostics().asList().get(0);
    assertTrue(error.isError());
    assertTrue(error.summary().contains("newer provider version"), error.summary());
    assertTrue(error.detail().contains("version 3"), error.detail());
  }
}
