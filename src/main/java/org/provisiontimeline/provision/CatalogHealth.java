package org.provisiontimeline.provision;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the catalog has been loaded from the database; reports each provision's dataset version. */
@Readiness
@ApplicationScoped
class CatalogHealth implements HealthCheck {

    private final ProvisionCatalog catalog;

    CatalogHealth(ProvisionCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("catalog").status(catalog.loaded())
                .withData("provisions", catalog.all().size());
        catalog.all().forEach(e -> response.withData(e.id(), e.datasetVersion() + " v" + e.versionNo()));
        return response.build();
    }
}
