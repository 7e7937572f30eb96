package com.workline.persistence.crm;

import com.workline.persistence.common.Text;
import com.workline.persistence.admin.AdminOnly;
import com.workline.persistence.common.ConcurrentEditException;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.db.TenantDatabase;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Pipelines and their stages, configured in administration (owners and admins; the database's policies
 * refuse everyone else): order, name, probability, won and lost stages, which pipeline is the default.
 */
public final class PipelineService {
    private final TenantDatabase db;

    public PipelineService(TenantDatabase db) {
        this.db = db;
    }

    /** The organization's pipelines, the default first. */
    public List<Pipeline> pipelines() {
        return db.inTenant(session -> session.createNativeQuery("""
                        SELECT id, name, is_default, version FROM app.pipelines
                         WHERE organization_id = sec.current_tenant() AND deleted_at IS NULL
                         ORDER BY is_default DESC, position, name""", Object[].class)
                .getResultList().stream()
                .map(r -> new Pipeline((UUID) r[0], (String) r[1], (Boolean) r[2], ((Number) r[3]).intValue()))
                .toList());
    }

    /** The stages of a pipeline in board order. */
    public List<PipelineStage> stages(UUID pipelineId) {
        return db.inTenant(session -> stages(session, pipelineId));
    }

    static List<PipelineStage> stages(Session session, UUID pipelineId) {
        return session.createNativeQuery("""
                        SELECT id, name, probability, is_won, is_lost, version FROM app.pipeline_stages
                         WHERE organization_id = sec.current_tenant() AND pipeline_id = :pipeline AND deleted_at IS NULL
                         ORDER BY position, name""", Object[].class)
                .setParameter("pipeline", pipelineId)
                .getResultList().stream()
                .map(r -> new PipelineStage((UUID) r[0], (String) r[1], ((BigDecimal) r[2]).stripTrailingZeros(),
                        (Boolean) r[3], (Boolean) r[4], ((Number) r[5]).intValue()))
                .toList();
    }

    /** A new pipeline with three stages to start from (New, Won, Lost); returns its id. */
    public UUID createPipeline(String name) {
        checkName(name);
        return db.inTenant(session -> {
            AdminOnly.require(session, Text.of("admin.subject.pipelines"));
            UUID id = session.createNativeQuery("""
                            INSERT INTO app.pipelines (organization_id, name, position)
                            VALUES (sec.current_tenant(), :name, (SELECT coalesce(max(position), 0) + 1 FROM app.pipelines
                                                                   WHERE organization_id = sec.current_tenant()))
                            RETURNING id""", UUID.class)
                    .setParameter("name", name.strip()).getSingleResult();
            session.createNativeQuery("""
                            INSERT INTO app.pipeline_stages (organization_id, pipeline_id, name, position, probability, is_won, is_lost)
                            VALUES (sec.current_tenant(), :p, 'New', 1, 10, false, false),
                                   (sec.current_tenant(), :p, 'Won', 2, 100, true, false),
                                   (sec.current_tenant(), :p, 'Lost', 3, 0, false, true)""")
                    .setParameter("p", id).executeUpdate();
            return id;
        });
    }

    public void rename(UUID pipelineId, int expectedVersion, String name) {
        checkName(name);
        db.inTenant(session -> {
            AdminOnly.require(session, Text.of("admin.subject.pipelines"));
            int changed = session.createNativeQuery("""
                            UPDATE app.pipelines SET name = :name, version = version + 1
                             WHERE organization_id = sec.current_tenant() AND id = :id AND version = :version""")
                    .setParameter("name", name.strip()).setParameter("id", pipelineId)
                    .setParameter("version", expectedVersion).executeUpdate();
            if (changed == 0) {
                throw new ConcurrentEditException("record.pipeline");
            }
            return null;
        });
    }

    /** New deals go to the default pipeline. */
    public void makeDefault(UUID pipelineId) {
        db.inTenant(session -> {
            AdminOnly.require(session, Text.of("admin.subject.pipelines"));
            session.createNativeQuery("""
                            UPDATE app.pipelines SET is_default = false, version = version + 1
                             WHERE organization_id = sec.current_tenant() AND is_default AND id <> :id""")
                    .setParameter("id", pipelineId).executeUpdate();
            session.createNativeQuery("""
                            UPDATE app.pipelines SET is_default = true, version = version + 1
                             WHERE organization_id = sec.current_tenant() AND id = :id AND NOT is_default""")
                    .setParameter("id", pipelineId).executeUpdate();
            return null;
        });
    }

    /**
     * Saves the whole stage list of a pipeline in one transaction, in the given order: stages with an id are
     * updated (refused if someone changed them meanwhile), stages without one are added, stages left out are
     * removed, which is refused while open deals are in them. Field errors are keyed {@code stage.<index>.<field>}
     * or {@code stages} for the list as a whole.
     */
    public void saveStages(UUID pipelineId, List<PipelineStage> stages) {
        validate(stages);
        db.inTenant(session -> {
            AdminOnly.require(session, Text.of("admin.subject.pipelines"));
            List<PipelineStage> current = stages(session, pipelineId);
            Set<UUID> kept = new HashSet<>();
            stages.stream().map(PipelineStage::id).filter(java.util.Objects::nonNull).forEach(kept::add);
            for (PipelineStage gone : current) {
                if (!kept.contains(gone.id())) {
                    long open = session.createNativeQuery("""
                                    SELECT count(*) FROM app.deals WHERE organization_id = sec.current_tenant()
                                       AND stage_id = :stage AND status = 'open' AND deleted_at IS NULL""", Long.class)
                            .setParameter("stage", gone.id()).getSingleResult();
                    if (open > 0) {
                        new ValidationException.Collector().check(false, "stages",
                                Text.of("crm.pipeline.stageHasOpenDeals", gone.name(), open)).throwIfAny();
                    }
                    session.createNativeQuery("""
                                    UPDATE app.pipeline_stages SET deleted_at = now(), version = version + 1
                                     WHERE organization_id = sec.current_tenant() AND id = :id""")
                            .setParameter("id", gone.id()).executeUpdate();
                }
            }
            int position = 1;
            for (PipelineStage stage : stages) {
                BigDecimal probability = stage.probability().setScale(2, RoundingMode.HALF_UP);
                if (stage.id() == null) {
                    session.createNativeQuery("""
                                    INSERT INTO app.pipeline_stages (organization_id, pipeline_id, name, position, probability,
                                                                     is_won, is_lost)
                                    VALUES (sec.current_tenant(), :pipeline, :name, :position, :probability, :won, :lost)""")
                            .setParameter("pipeline", pipelineId).setParameter("name", stage.name().strip())
                            .setParameter("position", position).setParameter("probability", probability)
                            .setParameter("won", stage.won()).setParameter("lost", stage.lost()).executeUpdate();
                } else {
                    int changed = session.createNativeQuery("""
                                    UPDATE app.pipeline_stages
                                       SET name = :name, position = :position, probability = :probability, is_won = :won,
                                           is_lost = :lost, version = version + 1
                                     WHERE organization_id = sec.current_tenant() AND id = :id AND pipeline_id = :pipeline
                                       AND version = :version AND deleted_at IS NULL""")
                            .setParameter("name", stage.name().strip()).setParameter("position", position)
                            .setParameter("probability", probability).setParameter("won", stage.won())
                            .setParameter("lost", stage.lost()).setParameter("id", stage.id())
                            .setParameter("pipeline", pipelineId).setParameter("version", stage.version())
                            .executeUpdate();
                    if (changed == 0) {
                        throw new ConcurrentEditException("record.pipelineStage");
                    }
                }
                position++;
            }
            return null;
        });
    }

    private static void validate(List<PipelineStage> stages) {
        ValidationException.Collector errors = new ValidationException.Collector();
        Set<String> names = new HashSet<>();
        int open = 0;
        int won = 0;
        int lost = 0;
        for (int i = 0; i < stages.size(); i++) {
            PipelineStage s = stages.get(i);
            String name = s.name() == null ? "" : s.name().strip();
            errors.check(!name.isEmpty(), "stage." + i + ".name", Text.of("field.name.required"))
                    .check(name.length() <= 100, "stage." + i + ".name", Text.of("field.text.tooLong", 100))
                    .check(name.isEmpty() || names.add(name.toLowerCase(Locale.ROOT)), "stage." + i + ".name",
                            Text.of("crm.pipeline.stageNameDuplicate"))
                    .check(s.probability() != null && s.probability().signum() >= 0
                                    && s.probability().compareTo(BigDecimal.valueOf(100)) <= 0,
                            "stage." + i + ".probability", Text.of("field.percentage.outOfRange"))
                    .check(!(s.won() && s.lost()), "stage." + i + ".won", Text.of("crm.pipeline.stageWonAndLost"));
            open += s.won() || s.lost() ? 0 : 1;
            won += s.won() ? 1 : 0;
            lost += s.lost() ? 1 : 0;
        }
        errors.check(open > 0, "stages", Text.of("crm.pipeline.openStageRequired"))
                .check(won == 1 && lost == 1, "stages", Text.of("crm.pipeline.wonAndLostRequired"))
                .throwIfAny();
    }

    private static void checkName(String name) {
        new ValidationException.Collector()
                .check(name != null && !name.isBlank(), "name", Text.of("field.name.required"))
                .check(name == null || name.strip().length() <= 100, "name", Text.of("field.text.tooLong", 100))
                .throwIfAny();
    }
}
