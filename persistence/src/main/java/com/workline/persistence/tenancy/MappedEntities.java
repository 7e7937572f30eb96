package com.workline.persistence.tenancy;

import com.workline.persistence.admin.Organization;
import com.workline.persistence.admin.UserAccount;
import com.workline.persistence.crm.Customer;
import com.workline.persistence.numbering.NumberSeries;

import java.util.List;

/** Every JPA entity of every business area: what a signed-in person's SessionFactory maps. */
public final class MappedEntities {
    public static final List<Class<?>> ALL = List.of(Organization.class, UserAccount.class, NumberSeries.class,
            Customer.class);

    private MappedEntities() {
    }
}
