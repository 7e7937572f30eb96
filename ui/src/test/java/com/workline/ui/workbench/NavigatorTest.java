package com.workline.ui.workbench;

import com.workline.persistence.session.Role;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NavigatorTest {
    private static Screen blank(ScreenContext context) {
        return Screen.of(new Pane());
    }

    private static final Area SALES = new Area() {
        @Override
        public List<Section> sections() {
            return List.of(new Section("home", "nav.home", null, 0, p -> true, NavigatorTest::blank),
                    new Section("customers", "nav.customers", "nav.crm", 100, p -> true, NavigatorTest::blank),
                    new Section("deals", "nav.pipeline", "nav.crm", 110, p -> true, NavigatorTest::blank),
                    new Section("settings", "nav.organization", Section.ADMINISTRATION, 900, Permissions::mayAdminister,
                            NavigatorTest::blank));
        }

        @Override
        public List<RecordKind> recordKinds() {
            return List.of(new RecordKind("customer", "customers", (c, r) -> blank(c), null),
                    new RecordKind("deal", "deals", (c, r) -> blank(c), null));
        }
    };

    private final RecordRef customer = new RecordRef("customer", UUID.randomUUID());
    private final RecordRef deal = new RecordRef("deal", UUID.randomUUID());

    @Test
    void opensRecordsByKindGoesBackAndForwardAndRemembersEachSectionsLastPlace() {
        Navigator nav = new Navigator(new Workbench(List.of(SALES)), new Permissions(Role.EMPLOYEE));
        assertThat(nav.sections()).extracting(Section::id).containsExactly("home", "customers", "deals");
        assertThat(nav.current()).isEqualTo(Place.section("home"));

        nav.open(deal);
        nav.open(customer); // the deal's customer
        assertThat(nav.current()).isEqualTo(new Place("customers", customer));
        nav.back();
        assertThat(nav.current()).isEqualTo(new Place("deals", deal));
        assertThat(nav.canGoForwardProperty().get()).isTrue();
        nav.forward();
        assertThat(nav.current()).isEqualTo(new Place("customers", customer));

        nav.showSection("home");
        nav.showSection("deals");
        assertThat(nav.current()).as("the last place of the section").isEqualTo(new Place("deals", deal));
        nav.showSection("deals");
        assertThat(nav.current()).as("choosing the section again shows its start").isEqualTo(Place.section("deals"));
        nav.back();
        nav.back();
        nav.back();
        assertThat(nav.current()).isEqualTo(new Place("customers", customer));
        nav.open(deal);
        assertThat(nav.canGoForwardProperty().get()).as("a new step clears forward").isFalse();
    }

    @Test
    void sectionsAreOnlyWhereThePersonMayGo() {
        Navigator employee = new Navigator(new Workbench(List.of(SALES)), new Permissions(Role.EMPLOYEE));
        assertThatThrownBy(() -> employee.showSection("settings")).isInstanceOf(IllegalArgumentException.class);
        Navigator admin = new Navigator(new Workbench(List.of(SALES)), new Permissions(Role.ADMIN));
        admin.showSection("settings");
        assertThat(admin.current()).isEqualTo(Place.section("settings"));
    }

    @Test
    void twoAreasCannotClaimTheSameKindOrSection() {
        assertThatThrownBy(() -> new Workbench(List.of(SALES, SALES))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void permissionsAreTheOnePlaceWhereRolesBecomeActions() {
        assertThat(new Permissions(Role.VIEWER).mayEdit()).isFalse();
        assertThat(new Permissions(Role.EMPLOYEE).mayEdit()).isTrue();
        assertThat(new Permissions(Role.EMPLOYEE).mayManage()).isFalse();
        assertThat(new Permissions(Role.MANAGER).mayManage()).isTrue();
        assertThat(new Permissions(Role.MANAGER).mayAdminister()).isFalse();
        assertThat(new Permissions(Role.ADMIN).mayAdminister()).isTrue();
        assertThat(new Permissions(Role.MANAGER).atLeast(Role.EMPLOYEE)).isTrue();
        assertThat(new Permissions(Role.VIEWER).atLeast(Role.EMPLOYEE)).isFalse();
    }

    @Test
    void areasAddTabsCommandsAndFactsToOtherAreasRecordsByKindAndRole() {
        Area quotes = new Area() {
            @Override
            public List<Section> sections() {
                return List.of();
            }

            @Override
            public List<RecordTab> recordTabs() {
                return List.of(new RecordTab("customer", "b", 20, (c, id) -> blank(c)),
                        new RecordTab("customer", "a", 10, (c, id) -> blank(c)),
                        new RecordTab("deal", "c", 0, (c, id) -> blank(c)));
            }

            @Override
            public List<RecordAction> recordActions() {
                return List.of(new RecordAction("deal", "new-quote", "quote.newFromDeal", Permissions::mayEdit, (c, id) -> { }));
            }

            @Override
            public List<RecordFacts> recordFacts() {
                return List.of(new RecordFacts("deal", (c, ids) -> java.util.Map.of()));
            }
        };
        Workbench workbench = new Workbench(List.of(SALES, quotes));
        assertThat(workbench.tabsFor("customer")).extracting(RecordTab::titleKey).containsExactly("a", "b");
        assertThat(workbench.tabsFor("quote")).isEmpty();
        assertThat(workbench.actionsFor("deal", new Permissions(Role.EMPLOYEE))).extracting(RecordAction::id)
                .containsExactly("new-quote");
        assertThat(workbench.actionsFor("deal", new Permissions(Role.VIEWER))).isEmpty();
        assertThat(workbench.actionsFor("customer", new Permissions(Role.OWNER))).isEmpty();
        assertThat(workbench.factsFor("deal")).hasSize(1);
        assertThat(workbench.factsFor("customer")).isEmpty();
    }
}
