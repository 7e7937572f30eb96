package com.workline.persistence.tenancy;

import com.workline.persistence.session.SignedInPerson;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.admin.NewOrganization;
import com.workline.persistence.admin.NewPerson;
import com.workline.persistence.admin.OrganizationProvisioning;
import com.workline.persistence.session.Role;
import com.workline.persistence.common.Text;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.db.RoleNames;
import com.workline.persistence.db.ServerAddress;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * First-run set-up and the demo company on the embedded database, where this client holds the owner
 * role's access (through the embedded superuser). Never offered against a company server.
 */
public final class CompanySetup {
    /** The people of the demo company; the manager is the one the demo signs in as. */
    public static final List<DemoPerson> DEMO_PEOPLE = List.of(
            new DemoPerson("olivia.owner@northwind.demo", "Olivia", "Owens", Role.OWNER),
            new DemoPerson("adam.admin@northwind.demo", "Adam", "Adler", Role.ADMIN),
            new DemoPerson("maria.manager@northwind.demo", "Maria", "Martens", Role.MANAGER),
            new DemoPerson("erik.employee@northwind.demo", "Erik", "Engel", Role.EMPLOYEE),
            new DemoPerson("vera.viewer@northwind.demo", "Vera", "Vogt", Role.VIEWER));
    public static final String DEMO_COMPANY = "Northwind Fabrication (demo)";

    /** How many customers (with contacts, deals in every stage and activities) the demo company gets. */
    public static final int DEMO_CUSTOMERS = 300;
    /** How many products of each type (service, material, stock, manufactured) the demo company's catalog has. */
    public static final int DEMO_PRODUCTS_PER_TYPE = 30;

    private final OrganizationProvisioning provisioning;
    private final com.workline.persistence.crm.ScaleDataGenerator crmData;
    private final com.workline.persistence.catalog.CatalogDataGenerator catalogData;
    private final ServerAddress server;
    private final SignInService signIn;

    /** @param owner connections that may act as the owner role (the embedded superuser) */
    public CompanySetup(javax.sql.DataSource owner, ServerAddress server, RoleNames roles) {
        this.provisioning = new OrganizationProvisioning(owner, roles);
        this.crmData = new com.workline.persistence.crm.ScaleDataGenerator(owner, roles, message -> { });
        this.catalogData = new com.workline.persistence.catalog.CatalogDataGenerator(owner, roles);
        this.server = server;
        this.signIn = new SignInService(roles, 4);
    }

    public record DemoPerson(String email, String firstName, String lastName, Role role) {
    }

    /** True before the first organization exists: the app then offers "Create your company". */
    public boolean isFirstRun() {
        return provisioning.listOrganizations().isEmpty();
    }

    /** Creates the company with its owner in one transaction and signs the owner in. */
    public SignedInPerson createCompany(NewCompany company, ZoneId timezone, Locale locale) {
        try {
            provisioning.createOrganizationWithOwner(organization(company, timezone, locale), owner(company));
        } catch (ValidationException invalid) {
            Map<String, Text> renamed = new java.util.LinkedHashMap<>();
            invalid.fieldTexts().forEach((field, message) -> renamed.putIfAbsent(rename(field), message));
            throw ValidationException.of(renamed);
        }
        return signIn.signIn(server, company.email(), company.password());
    }

    private static String rename(String provisioningField) {
        return switch (provisioningField) {
            case "name" -> "companyName";
            case "baseCurrency" -> "currency";
            default -> provisioningField;
        };
    }

    private static NewOrganization organization(NewCompany c, ZoneId timezone, Locale locale) {
        String tag = locale.toLanguageTag();
        return new NewOrganization(c.companyName(), c.currency() == null ? null : c.currency().toUpperCase(Locale.ROOT),
                c.country() == null ? null : c.country().toUpperCase(Locale.ROOT), timezone.getId(),
                tag.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*") ? tag : "en-US");
    }

    private static NewPerson owner(NewCompany c) {
        return new NewPerson(c.email(), c.firstName(), c.lastName(), Role.OWNER, c.password());
    }

    /**
     * Creates the demo company once (or re-keys its people when their passwords were lost) and returns the
     * demo organization's id. {@code passwords} maps each demo email to the password to use.
     */
    public UUID ensureDemo(Map<String, char[]> passwords, boolean peopleExist) {
        UUID org = provisioning.findOrganization(DEMO_COMPANY).orElse(null);
        if (org == null) {
            DemoPerson first = DEMO_PEOPLE.get(0);
            org = provisioning.createOrganizationWithOwner(
                    new NewOrganization(DEMO_COMPANY, "EUR", "DE", "Europe/Berlin", "en-US"),
                    new NewPerson(first.email(), first.firstName(), first.lastName(), first.role(), passwords.get(first.email())));
            for (DemoPerson p : DEMO_PEOPLE.subList(1, DEMO_PEOPLE.size())) {
                provisioning.addPerson(org, new NewPerson(p.email(), p.firstName(), p.lastName(), p.role(),
                        passwords.get(p.email())));
            }
            crmData.fillDemo(org, DEMO_CUSTOMERS);
            catalogData.fill(org, DEMO_PRODUCTS_PER_TYPE * com.workline.persistence.catalog.ProductType.values().length);
            // Quotes in every status, made through the services as the demo manager, so they carry their history; then
            // projects (one from the accepted quote) and weeks of everyone's time in every state of approval.
            try (SignedInPerson owner = demoPerson(0, passwords); SignedInPerson admin = demoPerson(1, passwords);
                 SignedInPerson manager = demoPerson(2, passwords); SignedInPerson employee = demoPerson(3, passwords)) {
                DemoQuotes.create(manager.choose(org));
                DemoTime.create(owner.choose(org), admin.choose(org), manager.choose(org), employee.choose(org));
            }
        } else if (!peopleExist) {
            for (DemoPerson p : DEMO_PEOPLE) {
                provisioning.setPassword(p.email(), passwords.get(p.email()));
            }
        }
        return org;
    }

    private SignedInPerson demoPerson(int index, Map<String, char[]> passwords) {
        DemoPerson person = DEMO_PEOPLE.get(index);
        return signIn.signIn(server, person.email(), passwords.get(person.email()));
    }

    /** Signs in as the demo manager. */
    public TenantSession signInToDemo(UUID demoOrganization, char[] managerPassword) {
        return signIn.signIn(server, DEMO_PEOPLE.get(2).email(), managerPassword).choose(demoOrganization);
    }
}
