package io.pyvider.application.lifecycle;

import io.pyvider.application.component.DataSource;
import io.pyvider.application.component.EphemeralResource;
import io.pyvider.application.component.ManagedResource;
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
}
