package com.workline.persistence.crm;

import com.workline.persistence.session.Role;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import com.workline.persistence.session.TenantSession;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SavedViewServiceTest {
    private final TestDatabase db = TestDatabase.get();

    @Test
    void privateViewsStayMineSharedOnesAreReadByEveryoneAndChangedOnlyByTheirOwner() {
        UUID org = db.newOrganization("Views");
        TestPerson anna = db.newPerson(org, Role.EMPLOYEE);
        TenantSession annaSession = db.signInTo(anna, org);
        TenantSession ben = db.signInTo(db.newPerson(org, Role.MANAGER), org);

        CustomerQuery query = CustomerQuery.all().withSearch("harbor").withStatuses(Set.of(CustomerStatus.ACTIVE))
                .withOwner(anna.userId()).withTag("vip").withCustomField("segment", "A")
                .sortedBy(CustomerQuery.Sort.CREATED, true);
        Map<String, Object> definition = new java.util.LinkedHashMap<>(query.toDefinition());
        definition.put("columns", java.util.List.of("number", "name"));
        UUID mine = Crm.of(annaSession).savedViews().save("customers", "My VIPs", false, definition);
        Crm.of(annaSession).savedViews().save("customers", "Active", true, CustomerQuery.all()
                .withStatuses(Set.of(CustomerStatus.ACTIVE)).toDefinition());

        SavedView read = Crm.of(annaSession).savedViews().views("customers").stream().filter(v -> v.id().equals(mine)).findFirst()
                .orElseThrow();
        assertThat(CustomerQuery.fromDefinition(read.definition())).isEqualTo(query);
        assertThat(read.definition().get("columns")).isEqualTo(java.util.List.of("number", "name"));
        assertThat(Crm.of(annaSession).savedViews().views("customers")).extracting(SavedView::name).containsExactly("Active", "My VIPs");

        assertThat(Crm.of(ben).savedViews().views("customers")).singleElement().satisfies(v -> {
            assertThat(v.name()).isEqualTo("Active");
            assertThat(v.mine()).isFalse();
        });
        assertThat(Crm.of(ben).savedViews().delete(Crm.of(ben).savedViews().views("customers").get(0).id())).as("not Ben's").isFalse();
        assertThat(Crm.of(ben).savedViews().views("deals")).isEmpty();

        UUID again = Crm.of(annaSession).savedViews().save("customers", "My VIPs", true, CustomerQuery.all().toDefinition());
        assertThat(again).as("same name replaces the view").isEqualTo(mine);
        assertThat(Crm.of(ben).savedViews().views("customers")).hasSize(2);
        assertThat(Crm.of(annaSession).savedViews().delete(mine)).isTrue();
        assertThatThrownBy(() -> Crm.of(annaSession).savedViews().save("customers", " ", false, Map.of()))
                .isInstanceOf(ValidationException.class);
    }
}
