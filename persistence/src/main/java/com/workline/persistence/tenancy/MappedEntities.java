package com.workline.persistence.tenancy;

import com.workline.persistence.admin.Administration;
import com.workline.persistence.catalog.Catalog;
import com.workline.persistence.projects.Projects;
import com.workline.persistence.quoting.Quoting;
import com.workline.persistence.crm.Crm;

import java.util.List;
import java.util.stream.Stream;

/**
 * Every business area's JPA entities: what a signed-in person's SessionFactory maps. Each area publishes its own
 * list on its entry point; adding an area adds one line here.
 */
public final class MappedEntities {
    public static final List<Class<?>> ALL = Stream.of(
                    Administration.ENTITIES,
                    Crm.ENTITIES,
                    Catalog.ENTITIES,
                    Quoting.ENTITIES,
                    Projects.ENTITIES)
            .flatMap(List::stream).toList();

    private MappedEntities() {
    }
}
