package com.workline.ui.workbench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registered areas, merged: every section in sidebar order and every record kind by name. */
public final class Workbench {
    private final List<Section> sections;
    private final Map<String, RecordKind> kinds = new LinkedHashMap<>();
    private final List<RecordTab> tabs = new ArrayList<>();
    private final List<RecordAction> actions = new ArrayList<>();
    private final List<RecordFacts> facts = new ArrayList<>();
    private final List<ShellItem> shellItems = new ArrayList<>();

    public Workbench(List<? extends Area> areas) {
        List<Section> all = new ArrayList<>();
        for (Area area : areas) {
            all.addAll(area.sections());
            tabs.addAll(area.recordTabs());
            actions.addAll(area.recordActions());
            facts.addAll(area.recordFacts());
            shellItems.addAll(area.shellItems());
            for (RecordKind kind : area.recordKinds()) {
                if (kinds.put(kind.kind(), kind) != null) {
                    throw new IllegalStateException("Two areas register record kind " + kind.kind());
                }
            }
        }
        all.sort(Comparator.comparingInt(Section::order));
        tabs.sort(Comparator.comparingInt(RecordTab::order));
        if (all.stream().map(Section::id).distinct().count() != all.size()) {
            throw new IllegalStateException("Two sections share an id: " + all.stream().map(Section::id).toList());
        }
        if (shellItems.stream().map(ShellItem::id).distinct().count() != shellItems.size()) {
            throw new IllegalStateException("Two shell items share an id: " + shellItems.stream().map(ShellItem::id).toList());
        }
        this.sections = List.copyOf(all);
        for (RecordKind kind : kinds.values()) {
            section(kind.sectionId()).orElseThrow(() -> new IllegalStateException(
                    "Record kind " + kind.kind() + " opens in unknown section " + kind.sectionId()));
        }
    }

    /** The sections {@code permissions} may see, in sidebar order. */
    public List<Section> sectionsFor(Permissions permissions) {
        return sections.stream().filter(s -> s.visibleTo().test(permissions)).toList();
    }

    public Optional<Section> section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<RecordKind> kind(String kind) {
        return Optional.ofNullable(kinds.get(kind));
    }

    /** The record kinds Ctrl+K searches, in registration order. */
    public List<RecordKind> searchableKinds() {
        return kinds.values().stream().filter(k -> k.search() != null).toList();
    }

    /** The tabs other areas add to screens of records of {@code kind}, in order. */
    public List<RecordTab> tabsFor(String kind) {
        return tabs.stream().filter(t -> t.recordKind().equals(kind)).toList();
    }

    /** The commands other areas add to screens of records of {@code kind} that {@code permissions} may use. */
    public List<RecordAction> actionsFor(String kind, Permissions permissions) {
        return actions.stream().filter(a -> a.recordKind().equals(kind) && a.visibleTo().test(permissions)).toList();
    }

    /** The facts other areas add to cards of records of {@code kind}. */
    public List<RecordFacts> factsFor(String kind) {
        return facts.stream().filter(f -> f.recordKind().equals(kind)).toList();
    }

    /** The items of the shell's top bar that {@code permissions} get, in registration order. */
    public List<ShellItem> shellItemsFor(Permissions permissions) {
        return shellItems.stream().filter(i -> i.visibleTo().test(permissions)).toList();
    }
}
