package com.workline.ui.reports;

import com.workline.persistence.projects.Projects;
import com.workline.persistence.projects.TimeReportGrouping;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.time.WorkCalendar;
import com.workline.ui.approval.TimeOffice;
import com.workline.ui.reports.TimeReportViewModel.Preset;
import com.workline.ui.task.BackgroundTasks;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The time report's view model against the real database: grouping, costs for managers, utilisation, export. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimeReportViewModelTest {
    /** May 2026 has three public holidays in Germany (1 May, Ascension on the 14th, Whit Monday on the 25th). */
    private static final Clock IN_MAY = Clock.fixed(LocalDate.parse("2026-05-20").atStartOfDay(ZoneId.of("Europe/Berlin"))
            .toInstant(), ZoneId.of("Europe/Berlin"));
    private TimeOffice w;

    @BeforeAll
    void time() {
        w = new TimeOffice("Report VM");
        w.book(w.employee, "2026-05-04", 480, w.project);
        w.book(w.employee, "2026-05-05", 90, w.otherProject);
        w.book(w.employee, "2026-05-12", 125, w.project);
        w.book(w.colleague, "2026-05-06", 300, w.project);
        w.book(w.colleague, "2026-04-30", 60, w.project);
    }

    @AfterAll
    void close() {
        w.close();
    }

    private TimeReportViewModel vm(TenantSession session) {
        Projects projects = Projects.of(session);
        return new TimeReportViewModel(projects.reports(), projects.settings(), BackgroundTasks.direct(), Locale.UK, IN_MAY);
    }

    @Test
    void managersReportEveryonesTimeWithCostsAndBudgets() {
        TimeReportViewModel vm = vm(w.manager);
        assertThat(vm.fromProperty().get()).isEqualTo(LocalDate.parse("2026-05-01"));
        assertThat(vm.toProperty().get()).isEqualTo(LocalDate.parse("2026-05-31"));
        vm.groupingProperty().set(TimeReportGrouping.PERSON);
        vm.run();
        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.costsProperty().get()).as("a manager sees costs").isTrue();
        assertThat(vm.header()).containsExactly("Person", "Entries", "Hours", "Billable hours", "Not billable", "Amount (EUR)",
                "Cost (EUR)");
        // Employee: 480 + 125 billable at 90/h = 907.50, 90 min internal; colleague 300 min = 450.00. Costs at 50/h of all time.
        List<String> total = vm.table().get(vm.table().size() - 1);
        assertThat(total).containsExactly("Total", "4", "16:35", "15:05", "1:30", "1,357.50", "829.17");

        vm.groupingProperty().set(TimeReportGrouping.PROJECT);
        vm.run();
        assertThat(vm.header()).contains("Budget hours", "Budget hours used");
        assertThat(vm.table()).hasSize(3);

        vm.groupingProperty().set(TimeReportGrouping.MONTH);
        vm.applyPreset(Preset.THIS_YEAR);
        vm.run();
        assertThat(vm.table()).extracting(l -> l.get(0)).containsExactly("April 2026", "May 2026", "Total");

        vm.applyPreset(Preset.LAST_MONTH);
        vm.groupingProperty().set(TimeReportGrouping.CUSTOMER);
        vm.run();
        assertThat(vm.table()).extracting(l -> l.get(0)).containsExactly("Harbor Tools", "Total");
    }

    @Test
    void employeesReportTheirOwnTimeWithoutCosts() {
        TimeReportViewModel vm = vm(w.employee);
        vm.groupingProperty().set(TimeReportGrouping.PROJECT);
        vm.run();
        assertThat(vm.costsProperty().get()).isFalse();
        assertThat(vm.header()).doesNotContain("Cost (EUR)");
        assertThat(vm.table().get(vm.table().size() - 1)).startsWith("Total", "3", "11:35");
        assertThat(vm.utilisation()).hasSize(1);
        assertThat(vm.utilisation().get(0).userId()).isEqualTo(w.employeePerson.userId());
    }

    @Test
    void utilisationCountsTheWorkingDaysOfTheHolidayCalendar() {
        TimeReportViewModel vm = vm(w.manager);
        vm.run();
        int working = WorkCalendar.of("DE", null, null).expectedMinutes(LocalDate.parse("2026-05-01"),
                LocalDate.parse("2026-05-31"), 2400);
        assertThat(working).as("18 working days of 8 hours").isEqualTo(18 * 480);
        assertThat(vm.utilisation()).allMatch(u -> u.workingMinutes() == working);
        var employee = vm.utilisation().stream().filter(u -> u.userId().equals(w.employeePerson.userId())).findFirst()
                .orElseThrow();
        assertThat(employee.billableMinutes()).isEqualTo(605);
        assertThat(vm.utilisationTable()).anySatisfy(line -> assertThat(line).endsWith("7.0%"));
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefusedNextToTheField() {
        TimeReportViewModel vm = vm(w.manager);
        vm.fromProperty().set(LocalDate.parse("2026-05-10"));
        vm.toProperty().set(LocalDate.parse("2026-05-01"));
        vm.run();
        assertThat(vm.errors().get("to")).isEqualTo("The end cannot be before the start.");
        vm.toProperty().set(null);
        vm.run();
        assertThat(vm.errors().get("to")).isEqualTo("Choose a day.");
    }

    @Test
    void theExportIsTheReportAsShownInCsvAndXlsx(@TempDir Path folder) throws IOException {
        TimeReportViewModel vm = vm(w.manager);
        vm.groupingProperty().set(TimeReportGrouping.PROJECT);
        vm.run();
        List<List<String>> shown = new ArrayList<>();
        shown.add(List.copyOf(vm.header()));
        vm.table().forEach(l -> shown.add(List.copyOf(l)));

        Path csv = folder.resolve("report.csv");
        vm.exportTo(csv);
        assertThat(vm.messageProperty().get()).isEqualTo("3 rows written to report.csv.");
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
            List<List<String>> read = new ArrayList<>();
            for (CSVRecord record : parser) {
                read.add(record.stream().map(v -> v.replace("\uFEFF", "")).toList());
            }
            assertThat(read).isEqualTo(shown);
        }

        Path xlsx = folder.resolve("report.xlsx");
        vm.exportTo(xlsx);
        try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            List<List<String>> read;
            try (var rows = workbook.getFirstSheet().openStream()) {
                read = rows.map(TimeReportViewModelTest::cells).collect(Collectors.toList());
            }
            assertThat(workbook.getFirstSheet().getName()).isEqualTo("Time report");
            assertThat(read).isEqualTo(shown);
        }
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getCellCount(); c++) {
            cells.add(row.getCellText(c));
        }
        return cells;
    }
}
