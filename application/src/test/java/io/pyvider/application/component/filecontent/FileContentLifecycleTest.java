package io.pyvider.application.component.filecontent;

import static io.pyvider.application.component.filecontent.FileTerraform.WORKDIR;
import static io.pyvider.application.component.filecontent.FileTerraform.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.out.FileProblem;
import io.pyvider.domain.terraform.cty.AttributePath;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Refinements;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostic;
import io.pyvider.domain.terraform.diag.Diagnostics;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Create, update, replace and destroy of pyvider_file_content through the engine. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FileContentLifecycleTest {

  /** sha256("hello\n"). */
  static final String HELLO_HASH = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";

  private final FileTerraform terraform = new FileTerraform();
  private final Path target = Path.of("/srv/app/config.txt");
  private final Value.ObjectVal config = terraform.config(target.toString(), "hello\n");

  @Test
  void the_create_plan_knows_exists_and_the_hash_of_the_content() {
    Outcomes.PlanResource plan = terraform.plan(terraform.nothing(), config);

    assertEquals(Diagnostics.NONE, plan.diagnostics());
    Value.ObjectVal planned = (Value.ObjectVal) plan.planned();
    assertEquals(Value.bool(true), planned.get("exists"));
    assertEquals(Value.string(HELLO_HASH), planned.get("content_hash"));
    assertEquals(config.get("filename"), planned.get("filename"));
    assertEquals(0, plan.plannedPrivate().length);
    assertEquals(List.of(), plan.requiresReplace());
  }

  @Test
  void planning_touches_no_file() {
    terraform.plan(terraform.nothing(), config);

    assertEquals(List.of(), terraform.files.operations());
    assertFalse(terraform.files.exists(target));
  }

  @Test
  void an_unknown_content_plans_an_unknown_not_null_hash() {
    Value.ObjectVal unknownContent = config.with("content", Value.unknown(CtyType.STRING));

    Outcomes.PlanResource plan = terraform.plan(terraform.nothing(), unknownContent);

    assertEquals(Diagnostics.NONE, plan.diagnostics());
    assertEquals(Value.unknown(CtyType.STRING, Refinements.notNull()),
        ((Value.ObjectVal) plan.planned()).get("content_hash"));
  }

  @Test
  void apply_writes_the_content_as_utf8_and_returns_the_planned_state() {
    Value.ObjectVal configured = terraform.config(target.toString(), "grüße €\n");

    Value.ObjectVal state = terraform.create(configured);

    assertEquals(Optional.of("grüße €\n"), terraform.files.text(target));
    assertEquals(Value.bool(true), state.get("exists"));
    assertEquals("ee8a2fc9d8794c08dca397dc6e76aebb1ecbd0f759f5650e371eb10070198259", string(state, "content_hash"));
    assertEquals(64, string(state, "content_hash").length());
    assertTrue(state.isWhollyKnown());
  }

  @Test
  void a_relative_filename_resolves_against_the_working_directory_and_stays_relative_in_state() {
    Value.ObjectVal relative = terraform.config("out/../generated/app.conf", "x");

    Value.ObjectVal state = terraform.create(relative);

    assertEquals(Optional.of("x"), terraform.files.text(WORKDIR.resolve("generated/app.conf")));
    assertEquals("out/../generated/app.conf", string(state, "filename"));
  }

  @Test
  void a_content_change_is_an_in_place_update_that_rewrites_the_file() {
    Value.ObjectVal created = terraform.create(config);
    Value.ObjectVal changed = terraform.config(target.toString(), "bye\n");

    Outcomes.PlanResource plan = terraform.plan(created, changed);
    Outcomes.ApplyResource applied = terraform.apply(created, plan, changed);

    assertEquals(List.of(), plan.requiresReplace());
    assertEquals(Diagnostics.NONE, applied.diagnostics());
    assertEquals(Optional.of("bye\n"), terraform.files.text(target));
    assertEquals("abc6fd595fc079d3114d4b71a4d84b1d1d0f79df1e70f8813212f2a65d8916df", string((Value.ObjectVal) applied.newState(),
        "content_hash"));
  }

  @Test
  void a_new_filename_replaces_the_resource_and_the_old_file_is_deleted() {
    Value.ObjectVal created = terraform.create(config);
    Path moved = Path.of("/srv/app/renamed.txt");
    Value.ObjectVal renamed = terraform.config(moved.toString(), "hello\n");

    Outcomes.PlanResource plan = terraform.plan(created, renamed);
    assertEquals(List.of(AttributePath.attribute("filename")), plan.requiresReplace());
    // Terraform's DeleteThenCreate: destroy the old object, then plan and apply the new one from nothing.
    Outcomes.ApplyResource destroyed = terraform.destroy(created);
    Value.ObjectVal recreated = terraform.create(renamed);

    assertEquals(Diagnostics.NONE, destroyed.diagnostics());
    assertTrue(destroyed.newState().isNull());
    assertFalse(terraform.files.exists(target));
    assertEquals(Optional.of("hello\n"), terraform.files.text(moved));
    assertEquals(moved.toString(), string(recreated, "filename"));
  }

  @Test
  void with_create_before_destroy_the_new_file_is_written_first_and_the_old_one_deleted_after() {
    Value.ObjectVal created = terraform.create(config);
    Path moved = Path.of("/srv/app/renamed.txt");

    terraform.create(terraform.config(moved.toString(), "hello\n"));
    terraform.destroy(created);

    assertEquals(List.of("write " + target, "write " + moved, "remove " + target), terraform.files.operations());
    assertEquals(java.util.Set.of(moved), terraform.files.paths());
  }

  @Test
  void a_new_name_for_the_same_file_is_an_in_place_update_not_a_replacement() {
    Value.ObjectVal created = terraform.create(terraform.config("data/a.txt", "v1"));
    Value.ObjectVal sameFile = terraform.config("./data/a.txt", "v1");

    Outcomes.PlanResource plan = terraform.plan(created, sameFile);
    Outcomes.ApplyResource applied = terraform.apply(created, plan, sameFile);

    assertEquals(List.of(), plan.requiresReplace());
    assertEquals(Diagnostics.NONE, applied.diagnostics());
    assertEquals(Value.string("./data/a.txt"), ((Value.ObjectVal) applied.newState()).get("filename"));
    assertEquals(Optional.of("v1"), terraform.files.text(WORKDIR.resolve("data/a.txt")));
  }

  @Test
  void an_unknown_new_filename_is_planned_as_a_replacement() {
    Value.ObjectVal created = terraform.create(config);

    Outcomes.PlanResource plan = terraform.plan(created, config.with("filename", Value.unknown(CtyType.STRING)));

    assertEquals(List.of(AttributePath.attribute("filename")), plan.requiresReplace());
  }

  @Test
  void an_in_place_update_whose_old_path_no_longer_matches_still_removes_the_old_file() {
    Value.ObjectVal created = terraform.create(config);
    Path other = Path.of("/srv/app/other.txt");
    Value.ObjectVal elsewhere = terraform.config(other.toString(), "hello\n");
    Outcomes.PlanResource plan = terraform.plan(created, elsewhere);

    // As if Terraform applied the planned object as an update (it would replace; the component copes either way).
    Outcomes.ApplyResource applied = terraform.apply(created, plan, elsewhere);

    // The engine says an object that lives on changed its identity, but nothing is lost: the new file is written
    // and returned, the old one removed.
    assertEquals(1, applied.diagnostics().asList().size(), applied.diagnostics().toString());
    assertTrue(applied.diagnostics().asList().get(0).detail().contains("identity changed"));
    assertEquals(elsewhere.get("filename"), ((Value.ObjectVal) applied.newState()).get("filename"));
    assertFalse(terraform.files.exists(target));
    assertTrue(terraform.files.exists(other));
  }

  @Test
  void an_old_file_that_cannot_be_removed_in_such_an_update_is_a_warning_to_delete_it_by_hand() {
    Value.ObjectVal created = terraform.create(config);
    terraform.files.failRemovals(target, FileProblem.PERMISSION_DENIED);
    Value.ObjectVal elsewhere = terraform.config("/srv/app/other.txt", "hello\n");

    Outcomes.ApplyResource applied = terraform.apply(created, terraform.plan(created, elsewhere), elsewhere);

    assertTrue(applied.diagnostics().asList().contains(Diagnostic.warning(AttributePath.attribute("filename"),
        "Old file not deleted", "The previous file \"/srv/app/config.txt\" could not be deleted: permission denied "
            + "(arranged by the test). Delete it by hand.")), applied.diagnostics().toString());
    assertTrue(terraform.files.exists(target));
  }

  @Test
  void destroy_plans_null_and_removes_the_file() {
    Value.ObjectVal created = terraform.create(config);

    Outcomes.PlanResource plan = terraform.planDestroy(created);
    Outcomes.ApplyResource destroyed = terraform.apply(created, plan, terraform.nothing());

    assertTrue(plan.planned().isNull());
    assertEquals(Diagnostics.NONE, destroyed.diagnostics());
    assertTrue(destroyed.newState().isNull());
    assertFalse(terraform.files.exists(target));
  }

  @Test
  void destroying_a_file_that_is_already_gone_is_fine() {
    Value.ObjectVal created = terraform.create(config);
    terraform.files.delete(target);

    Outcomes.ApplyResource destroyed = terraform.destroy(created);

    assertEquals(Diagnostics.NONE, destroyed.diagnostics());
    assertTrue(destroyed.newState().isNull());
  }

  @Test
  void a_path_that_became_a_directory_is_left_alone_on_destroy_with_a_warning() {
    Value.ObjectVal created = terraform.create(config);
    terraform.files.delete(target).directory(target);

    Outcomes.ApplyResource destroyed = terraform.destroy(created);

    assertTrue(destroyed.newState().isNull());
    assertEquals(1, destroyed.diagnostics().asList().size());
    assertFalse(destroyed.diagnostics().hasErrors());
    assertEquals("File not deleted", destroyed.diagnostics().asList().get(0).summary());
  }

  @Test
  void the_apply_time_replan_equals_the_saved_plan() {
    assertEquals(terraform.plan(terraform.nothing(), config).planned(),
        terraform.plan(terraform.nothing(), config).planned());
  }
}
