package io.pyvider.application.lifecycle;

import io.pyvider.application.component.Action;
import io.pyvider.application.component.DataSource;
import io.pyvider.application.component.EphemeralResource;
import io.pyvider.application.component.ListResource;
import io.pyvider.application.component.ManagedResource;
import io.pyvider.application.component.ProviderFunction;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every component the provider offers, by type name; duplicate or foreign names are refused at construction. */
public final class ComponentCatalog {

  public static final String PROVIDER_PREFIX = "pyvider_";

  private final Map<String, ManagedResource> resources = new TreeMap<>();
  private final Map<String, DataSource> dataSources = new TreeMap<>();
  private final Map<String, EphemeralResource> ephemeralResources = new TreeMap<>();
  private final Map<String, ListResource> listResources = new TreeMap<>();
  private final Map<String, Action> actions = new TreeMap<>();
  private final Map<String, ProviderFunction> functions = new TreeMap<>();

  public ComponentCatalog(Collection<ManagedResource> resources, Collection<DataSource> dataSources) {
    this(resources, dataSources, java.util.List.of());
  }

  /** Each kind has its own namespace, as in Terraform: an ephemeral resource may share a managed resource's name. */
  public ComponentCatalog(Collection<ManagedResource> resources, Collection<DataSource> dataSources,
      Collection<EphemeralResource> ephemeralResources) {
    for (ManagedResource resource : resources) {
      register(this.resources, resource.typeName(), resource);
    }
    for (DataSource dataSource : dataSources) {
      register(this.dataSources, dataSource.typeName(), dataSource);
    }
    for (EphemeralResource ephemeral : ephemeralResources) {
      register(this.ephemeralResources, ephemeral.typeName(), ephemeral);
    }
  }

  /** Adds list resources; each lists a managed resource type of the same name that declares an identity. */
  public ComponentCatalog withListResources(Collection<ListResource> more) {
    for (ListResource list : more) {
      ManagedResource listed = resources.get(list.typeName());
      if (listed == null || listed.identitySchema().isEmpty()) {
        throw new IllegalArgumentException("list resource " + list.typeName() + " needs a managed resource of the "
            + "same type with an identity: Terraform lists identities and imports by them");
      }
      register(listResources, list.typeName(), list);
    }
    return this;
  }

  public ComponentCatalog withActions(Collection<Action> more) {
    more.forEach(action -> register(actions, action.typeName(), action));
    return this;
  }

  /** Adds functions; their names are bare (Terraform calls them as provider::pyvider::name). */
  public ComponentCatalog withFunctions(Collection<ProviderFunction> more) {
    for (ProviderFunction function : more) {
      String name = function.declaration().name();
      if (!name.matches("[a-z][a-z0-9_]*")) {
        throw new IllegalArgumentException("function name " + name + " is not a lower-case identifier");
      }
      if (functions.put(name, function) != null) {
        throw new IllegalArgumentException("function " + name + " registered twice");
      }
    }
    return this;
  }

  private static <T> void register(Map<String, T> into, String typeName, T component) {
    if (!typeName.startsWith(PROVIDER_PREFIX)) {
      throw new IllegalArgumentException("component type " + typeName + " must start with " + PROVIDER_PREFIX);
    }
    if (into.put(typeName, component) != null) {
      throw new IllegalArgumentException("component type " + typeName + " registered twice");
    }
  }

  public Optional<ManagedResource> resource(String typeName) {
    return Optional.ofNullable(resources.get(typeName));
  }

  public Optional<DataSource> dataSource(String typeName) {
    return Optional.ofNullable(dataSources.get(typeName));
  }

  public Optional<EphemeralResource> ephemeralResource(String typeName) {
    return Optional.ofNullable(ephemeralResources.get(typeName));
  }

  public Map<String, ManagedResource> resources() {
    return Collections.unmodifiableMap(resources);
  }

  public Map<String, DataSource> dataSources() {
    return Collections.unmodifiableMap(dataSources);
  }

  public Map<String, EphemeralResource> ephemeralResources() {
    return Collections.unmodifiableMap(ephemeralResources);
  }

  public Optional<ListResource> listResource(String typeName) {
    return Optional.ofNullable(listResources.get(typeName));
  }

  public Optional<Action> action(String typeName) {
    return Optional.ofNullable(actions.get(typeName));
  }

  public Optional<ProviderFunction> function(String name) {
    return Optional.ofNullable(functions.get(name));
  }

  public Map<String, ListResource> listResources() {
    return Collections.unmodifiableMap(listResources);
  }

  public Map<String, Action> actions() {
    return Collections.unmodifiableMap(actions);
  }

  public Map<String, ProviderFunction> functions() {
    return Collections.unmodifiableMap(functions);
  }
}
