package com.workline.app.admin;

import com.workline.persistence.admin.NewOrganization;
import com.workline.persistence.admin.OrganizationProvisioning;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

@Command(name = "create-org", mixinStandardHelpOptions = true,
        description = "Create an organization (a company using Workline). Prints its id.",
        footerHeading = "%nExample:%n",
        footer = "  workline admin create-org --name \"Acme Tools\" --currency EUR --country DE --timezone Europe/Berlin --locale de-DE")
final class CreateOrgCommand extends AdminSubcommand {
    @Option(names = "--name", required = true, description = "The organization's name.")
    String name;
    @Option(names = "--currency", defaultValue = "EUR", description = "Base currency, ISO 4217. Default: ${DEFAULT-VALUE}.")
    String currency;
    @Option(names = "--country", description = "Country, ISO 3166 two letters (e.g. DE).")
    String country;
    @Option(names = "--timezone", description = "Time zone (default: this computer's).")
    String timezone;
    @Option(names = "--locale", description = "Language and region for documents, e.g. en-US (default: this computer's).")
    String locale;

    @Override
    void run(DatabaseOptions.Target target) {
        UUID id = new OrganizationProvisioning(target.admin(), target.roles()).createOrganization(new NewOrganization(
                name, currency == null ? null : currency.toUpperCase(Locale.ROOT),
                country == null ? null : country.toUpperCase(Locale.ROOT),
                timezone != null ? timezone : ZoneId.systemDefault().getId(),
                locale != null ? locale : defaultLocale()));
        out().println("Created organization \"" + name.strip() + "\" with id " + id + ".");
    }

    private static String defaultLocale() {
        String tag = Locale.getDefault().toLanguageTag();
        return tag.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*") ? tag : "en-US";
    }
}
