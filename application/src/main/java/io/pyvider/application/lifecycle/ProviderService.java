package io.pyvider.application.lifecycle;

import io.pyvider.application.port.in.Outcomes;
import io.pyvider.application.port.in.ProviderConfigurationUseCase;
import io.pyvider.application.port.in.ProviderSchemaUseCase;
import io.pyvider.application.port.in.WireValue;
import io.pyvider.domain.terraform.cty.CtyType;
import io.pyvider.domain.terraform.cty.Value;
import io.pyvider.domain.terraform.diag.Diagnostics;
import io.pyvider.domain.terraform.schema.Attribute;
import io.pyvider.domain.terraform.schema.Block;
import io.pyvider.domain.terraform.schema.FunctionDeclaration;
import io.pyvider.domain.terraform.schema.IdentitySchema;
import io.pyvider.domain.terraform.schema.Schema;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The provider itself: its schema and every component's, its configuration, and StopProvider. */
public final class ProviderService implements ProviderSchemaUseCase, ProviderConfigurationUseCase {

  /** The provider block's schema: no configuration is needed; test mode can be switched on here. */
  public static final Schema PROVIDER_SCHEMA = new Schema(0, Block.of(
      "The pyvider provider issues time-limited tokens with automatic expiration management, and offers companion "
          + "components for files, HTTP APIs and environment variables. No configuration is required.",
      List.of(Attribute.builder(ProviderSession.TEST_MODE_ATTRIBUTE, CtyType.BOOL).optional()
          .description("Serve test-only components such as pyvider_private_state_verifier. The same as launching "
              + "the provider with PYVIDER_TESTMODE=true. Leave unset in real configurations.")
          .build())));

  private final ComponentCatalog catalog;
  private final ProviderSession session;
  private final Outcomes.ProviderSchemas schemas;

  public ProviderService(ComponentCatalog catalog, ProviderSession session) {
    this.catalog = catalog;
    this.session = session;
    Map<String, Schema> resources = new TreeMap<>();
    catalog.resources().forEach((name, resource) -> resources.put(name, resource.schema()));
    Map<String, Schema> dataSources = new TreeMap<>();
    catalog.dataSources().forEach((name, dataSource) -> dataSources.put(name, dataSource.schema()));
    Map<String, Schema> ephemeralResources = new TreeMap<>();
    catalog.ephemeralResources().forEach((name, ephemeral) -> ephemeralResources.put(name, ephemeral.schema()));
    Map<String, Schema> listResources = new TreeMap<>();
    catalog.listResources().forEach((name, list) -> listResources.put(name, list.schema()));
    Map<String, Schema> actions = new TreeMap<>();
    catalog.actions().forEach((name, action) -> actions.put(name, action.schema()));
    Map<String, FunctionDeclaration> functions = new TreeMap<>();
    catalog.functions().forEach((name, function) -> functions.put(name, function.declaration()));
    Map<String, IdentitySchema> identities = new TreeMap<>();
    catalog.resources().forEach((name, resource) -> resource.identitySchema()
        .ifPresent(identity -> identities.put(name, identity)));
    this.schemas = new Outcomes.ProviderSchemas(PROVIDER_SCHEMA, resources, dataSources, ephemeralResources,
        listResources, actions, functions, identities);
  }

  @Override
  public Outcomes.ProviderSchemas schemas() {
    return schemas;
  }

  @Override
  public Diagnostics validate(WireValue config) {
    Decoded decoded = new Decoded();
    decoded.value(config, PROVIDER_SCHEMA.block().impliedType(), "provider configuration");
    return decoded.diagnostics();
  }

  @Override
  public Diagnostics configure(WireValue config) {
    Decoded decoded = new Decoded();
    Value value = decoded.value(config, PROVIDER_SCHEMA.block().impliedType(), "provider configuration");
    if (!decoded.failed()) {
      session.configure(value);
    }
    return decoded.diagnostics();
  }

  @Override
  public void stop() {
    session.stop();
  }

  public ComponentCatalog catalog() {
    return catalog;
  }
}
