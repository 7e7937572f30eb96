package com.workline.app.admin;

import com.workline.persistence.catalog.CatalogDataGenerator;
import com.workline.persistence.crm.ScaleDataGenerator;
import com.workline.persistence.projects.TimeDataGenerator;
import com.workline.persistence.quoting.QuoteDataGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {
                "Create scale data for benchmarks, written with COPY: organizations with",
                "customers, contacts (1-3 each), deals (about one per three customers, over",
                "the stages) and activities; a catalog (tax rates, units, categories, products",
                "of every type with costs, service categories, the default rate card); and",
                "quotes of 1-30 lines in every status, numbered in sending order like real",
                "sends, with their history, plus one 200-line draft for 'bench quoting'; and",
                "with --time-entries, people, projects with tasks and time entries over two",
                "years in every status, rated as the database rates them."},
        footerHeading = "%nExamples:%n",
        footer = {"  workline admin generate --organizations 3 --customers 10000",
                "  workline admin generate --organizations 1 --customers 1000000 --name-prefix \"Big Co\"",
                "  workline admin generate --customers 1000 --products 50000",
                "  workline admin generate --customers 20000 --quotes 200000 --name-prefix \"Quote Co\"",
                "  workline admin generate --customers 20000 --time-entries 1000000 --people 100 --name-prefix \"Time Co\""})
final class GenerateCommand extends AdminSubcommand {
    @Option(names = "--organizations", defaultValue = "1", description = "How many organizations. Default: ${DEFAULT-VALUE}.")
    int organizations;

    @Option(names = "--customers", defaultValue = "10000",
            description = "Customers per organization (up to 1,000,000). Default: ${DEFAULT-VALUE}.")
    int customers;

    @Option(names = "--products",
            description = "Products per organization (4 to 1,000,000, spread over the four types). Default: one per ten customers.")
    Integer products;

    @Option(names = "--quotes",
            description = "Quotes per organization (0 to 2,000,000; revisions included). Default: one per five customers.")
    Integer quotes;

    @Option(names = "--time-entries", defaultValue = "0",
            description = "Time entries per organization over the last two years (0 to 5,000,000), with projects, tasks and "
                    + "--people people. Default: none.")
    long timeEntries;

    @Option(names = "--people", defaultValue = "" + TimeDataGenerator.DEFAULT_PEOPLE,
            description = "People per organization who record that time (3 to 1,000; with --time-entries). Default: ${DEFAULT-VALUE}.")
    int people;

    @Option(names = "--name-prefix", defaultValue = "Scale Org", description = "Organization names: PREFIX 1, PREFIX 2, ...")
    String namePrefix;

    @Override
    void run(DatabaseOptions.Target target) {
        if (organizations < 1 || customers < 1 || customers > 1_000_000) {
            throw new IllegalArgumentException("Use 1 or more organizations and 1 to 1,000,000 customers each.");
        }
        int productCount = products == null ? CatalogDataGenerator.productsFor(customers) : products;
        if (productCount < 4 || productCount > 1_000_000) {
            throw new IllegalArgumentException("Use 4 to 1,000,000 products per organization.");
        }
        int quoteCount = quotes == null ? QuoteDataGenerator.quotesFor(customers) : quotes;
        if (quoteCount < 0 || quoteCount > 2_000_000) {
            throw new IllegalArgumentException("Use 0 to 2,000,000 quotes per organization.");
        }
        if (timeEntries < 0 || timeEntries > 5_000_000) {
            throw new IllegalArgumentException("Use 0 to 5,000,000 time entries per organization.");
        }
        if (timeEntries > 0 && (people < 3 || people > 1_000)) {
            throw new IllegalArgumentException("Use 3 to 1,000 people per organization.");
        }
        long start = System.nanoTime();
        var results = new ScaleDataGenerator(target.admin(), target.roles(), out()::println)
                .generate(organizations, customers, productCount, namePrefix);
        if (quoteCount > 0) {
            QuoteDataGenerator quoteData = new QuoteDataGenerator(target.admin(), target.roles(), out()::println);
            for (var r : results) {
                var written = quoteData.fill(r.organizationId(), quoteCount);
                out().printf("organization \"%s\": %,d quotes with %,d lines and %,d history events in %.1f s%n", r.name(),
                        written.quotes(), written.lines(), written.events(), written.millis() / 1000.0);
            }
        }
        if (timeEntries > 0) {
            TimeDataGenerator timeData = new TimeDataGenerator(target.admin(), target.roles(), out()::println);
            for (var r : results) {
                var written = timeData.fill(r.organizationId(), people, timeEntries);
                out().printf("organization \"%s\": %,d people, %,d projects with %,d tasks, %,d time entries (and %d running "
                                + "timers), %,d approval events in %.1f s%n", r.name(), written.people(), written.projects(),
                        written.tasks(), written.entries(), written.runningTimers(), written.approvalEvents(),
                        written.millis() / 1000.0);
            }
        }
        out().printf("Generated %d organization(s) with %,d customers, %,d products and %,d quotes each in %.1f s.%n",
                results.size(), customers, productCount, quoteCount, (System.nanoTime() - start) / 1e9);
        results.forEach(r -> out().println("  " + r.organizationId() + "  " + r.name()));
    }
}
