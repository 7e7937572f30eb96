package com.workline.persistence.numbering;

import com.workline.persistence.admin.Role;
import com.workline.persistence.db.PersonDatabase;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import com.workline.persistence.tenancy.TenantSession;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GaplessNumberingTest {

    @Test
    void tenThreadsTakingNumbersAtOnceGetConsecutiveNumbers() throws Exception {
        TestDatabase db = TestDatabase.get();
        UUID org = db.newOrganization("Numbers");
        TestPerson clerk = db.newPerson(org, Role.EMPLOYEE);
        int threads = 10;
        int perThread = 5;
        try (PersonDatabase pool = PersonDatabase.open(db.server(), clerk.login(), clerk.password().toCharArray(), threads, com.workline.persistence.tenancy.MappedEntities.ALL)) {
            pool.selectTenant(org);
            NumberSeriesService numbers = new NumberSeriesService(pool);
            ExecutorService executor = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<DocumentNumber>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(executor.submit(() -> {
                    start.await();
                    List<DocumentNumber> taken = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        taken.add(numbers.next(DocumentKind.INVOICE));
                    }
                    return taken;
                }));
            }
            start.countDown();
            List<Long> all = Collections.synchronizedList(new ArrayList<>());
            for (Future<List<DocumentNumber>> f : futures) {
                f.get().forEach(n -> all.add(n.sequence()));
            }
            executor.shutdown();
            assertThat(all).containsExactlyInAnyOrderElementsOf(
                    LongStream.rangeClosed(1, threads * perThread).boxed().toList());
        }
    }

    @Test
    void aRolledBackTransactionGivesItsNumberBack() {
        TestDatabase db = TestDatabase.get();
        UUID org = db.newOrganization("Rollback numbers");
        TestPerson clerk = db.newPerson(org, Role.EMPLOYEE);
        TenantSession session = db.signInTo(clerk, org);
        try {
            PersonDatabase pool = session.person().database();
            LocalDate date = LocalDate.of(2026, 3, 1);
            DocumentNumber first = pool.inTenant(s -> NumberSeriesService.take(s, DocumentKind.QUOTE, date));
            assertThatThrownBy(() -> pool.inTenant(s -> {
                DocumentNumber lost = NumberSeriesService.take(s, DocumentKind.QUOTE, date);
                assertThat(lost.sequence()).isEqualTo(2);
                throw new IllegalStateException("issuing the quote failed");
            })).hasMessageContaining("issuing the quote failed");
            DocumentNumber next = pool.inTenant(s -> NumberSeriesService.take(s, DocumentKind.QUOTE, date));
            assertThat(first.formatted()).isEqualTo("Q-2026-00001");
            assertThat(next.formatted()).isEqualTo("Q-2026-00002");
        } finally {
            session.person().close();
        }
    }

    @Test
    void seriesAreSeparatePerOrganizationKindAndYear() {
        TestDatabase db = TestDatabase.get();
        UUID orgA = db.newOrganization("Series A");
        UUID orgB = db.newOrganization("Series B");
        TenantSession a = db.signInTo(db.newPerson(orgA, Role.MANAGER), orgA);
        TenantSession b = db.signInTo(db.newPerson(orgB, Role.MANAGER), orgB);
        try {
            PersonDatabase poolA = a.person().database();
            assertThat(poolA.inTenant(s -> NumberSeriesService.take(s, DocumentKind.INVOICE, LocalDate.of(2025, 12, 31))).formatted())
                    .isEqualTo("INV-2025-00001");
            assertThat(poolA.inTenant(s -> NumberSeriesService.take(s, DocumentKind.INVOICE, LocalDate.of(2026, 1, 1))).formatted())
                    .isEqualTo("INV-2026-00001");
            assertThat(poolA.inTenant(s -> NumberSeriesService.take(s, DocumentKind.CUSTOMER, LocalDate.of(2026, 1, 1))).formatted())
                    .isEqualTo("C-000001");
            assertThat(poolA.inTenant(s -> NumberSeriesService.take(s, DocumentKind.CUSTOMER, LocalDate.of(2027, 1, 1))).formatted())
                    .as("customer numbers never restart").isEqualTo("C-000002");
            assertThat(b.numberSeries().next(DocumentKind.CUSTOMER).sequence()).isEqualTo(1);
            assertThat(a.numberSeries().list()).extracting(NumberSeries::kind)
                    .containsOnly(DocumentKind.INVOICE, DocumentKind.CUSTOMER);
        } finally {
            a.person().close();
            b.person().close();
        }
    }

    @Test
    void viewersCannotTakeNumbers() {
        TestDatabase db = TestDatabase.get();
        UUID org = db.newOrganization("Viewer numbers");
        TenantSession viewer = db.signInTo(db.newPerson(org, Role.VIEWER), org);
        try {
            assertThatThrownBy(() -> viewer.numberSeries().next(DocumentKind.INVOICE))
                    .hasMessageContaining("Viewers cannot issue documents");
        } finally {
            viewer.person().close();
        }
    }
}
