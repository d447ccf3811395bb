package vn.motcua.catalog.web;

import org.springframework.web.multipart.MultipartFile;
import vn.motcua.catalog.Component;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.FeeKind;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureDraft;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.catalog.ProcessStep;
import vn.motcua.catalog.ProcessVariant;
import vn.motcua.catalog.UploadedForm;
import vn.motcua.identity.Role;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The procedure edit form as posted by the browser (bound field by field); blank rows are ignored. */
public class ProcedureForm {
    public String code;
    public String name;
    public Long fieldId;
    public ProcedureLevel level;
    public Long agencyId;
    public String implementingAgency;
    public String steps;
    public String methodDetails;
    public boolean byCounter = true;
    public boolean byOnline;
    public boolean byPost;
    public OnlineLevel onlineLevel = OnlineLevel.NONE;
    public BigDecimal timeLimitDays;
    public BigDecimal onlineTimeLimitDays;
    public String timeLimitNote;
    public String subjects;
    public String resultType;
    public String feesNote;
    public String requirements;
    public String legalBasis;
    public long rowVersion;
    public List<ComponentRow> components = new ArrayList<>();
    public List<FeeRow> fees = new ArrayList<>();
    public List<StepRow> process = new ArrayList<>();

    public static class ComponentRow {
        public String name;
        public int originals = 1;
        public int copies;
        public boolean required = true;
        public String note;
        public String formName;
        public Long formFileId;
        public MultipartFile formFile;

        boolean blank() {
            return (name == null || name.isBlank()) && (formFile == null || formFile.isEmpty());
        }
    }

    public static class FeeRow {
        public FeeKind kind = FeeKind.CHARGE;
        public String description;
        public Long amountVnd;

        boolean blank() {
            return (description == null || description.isBlank()) && amountVnd == null;
        }
    }

    public static class StepRow {
        public ProcessVariant variant = ProcessVariant.STANDARD;
        public String name;
        public String responsible;
        public Role role;
        public BigDecimal durationHours;

        boolean blank() {
            return (name == null || name.isBlank()) && (responsible == null || responsible.isBlank()) && durationHours == null;
        }
    }

    public ProcedureDraft toDraft() {
        List<Component> cs = new ArrayList<>();
        for (ComponentRow c : components) {
            if (!c.blank()) {
                cs.add(new Component(null, cs.size() + 1, c.name, c.originals, c.copies, c.required, c.note, c.formName, c.formFileId));
            }
        }
        List<Fee> fs = fees.stream().filter(f -> !f.blank())
                .map(f -> new Fee(f.kind, f.description, f.amountVnd == null ? 0 : f.amountVnd)).toList();
        List<ProcessStep> ps = new ArrayList<>();
        for (StepRow s : process) {
            if (!s.blank()) {
                ps.add(new ProcessStep(s.variant == null ? ProcessVariant.STANDARD : s.variant, ps.size() + 1, s.name, s.responsible,
                        s.role, s.durationHours));
            }
        }
        return new ProcedureDraft(code, name, fieldId, level, agencyId, implementingAgency, steps, methodDetails, byCounter,
                byOnline, byPost, onlineLevel, timeLimitDays, onlineTimeLimitDays, timeLimitNote, subjects, resultType, feesNote,
                requirements, legalBasis, cs, fs, ps);
    }

    /** Uploaded form templates, numbered like the non-blank component rows. */
    public List<UploadedForm> uploads() {
        List<UploadedForm> result = new ArrayList<>();
        int position = 0;
        for (ComponentRow c : components) {
            if (c.blank()) {
                continue;
            }
            position++;
            if (c.formFile != null && !c.formFile.isEmpty()) {
                try {
                    result.add(new UploadedForm(position, c.formFile.getOriginalFilename(), c.formFile.getContentType(), c.formFile.getBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return result;
    }

    public static ProcedureForm from(ProcedureVersion v) {
        ProcedureForm f = new ProcedureForm();
        f.code = v.code();
        f.name = v.name();
        f.fieldId = v.field().id();
        f.level = v.level();
        f.agencyId = v.agencyId();
        f.implementingAgency = v.implementingAgency();
        f.steps = v.steps();
        f.methodDetails = v.methodDetails();
        f.byCounter = v.byCounter();
        f.byOnline = v.byOnline();
        f.byPost = v.byPost();
        f.onlineLevel = v.onlineLevel();
        f.timeLimitDays = v.timeLimitDays();
        f.onlineTimeLimitDays = v.onlineTimeLimitDays();
        f.timeLimitNote = v.timeLimitNote();
        f.subjects = v.subjects();
        f.resultType = v.resultType();
        f.feesNote = v.feesNote();
        f.requirements = v.requirements();
        f.legalBasis = v.legalBasis();
        f.rowVersion = v.rowVersion();
        for (Component c : v.components()) {
            ComponentRow r = new ComponentRow();
            r.name = c.name();
            r.originals = c.originals();
            r.copies = c.copies();
            r.required = c.required();
            r.note = c.note();
            r.formName = c.formName();
            r.formFileId = c.formFileId();
            f.components.add(r);
        }
        for (Fee fee : v.fees()) {
            FeeRow r = new FeeRow();
            r.kind = fee.kind();
            r.description = fee.description();
            r.amountVnd = fee.amountVnd();
            f.fees.add(r);
        }
        for (ProcessStep s : v.process()) {
            StepRow r = new StepRow();
            r.variant = s.variant();
            r.name = s.name();
            r.responsible = s.responsible();
            r.role = s.role();
            r.durationHours = s.durationHours();
            f.process.add(r);
        }
        return f;
    }

    /** Drops blank rows, then adds the blank rows an editor starts with. */
    public ProcedureForm withBlankRows(int extraComponents, int extraFees, int extraSteps) {
        components.removeIf(ComponentRow::blank);
        fees.removeIf(FeeRow::blank);
        process.removeIf(StepRow::blank);
        for (int i = 0; i < extraComponents; i++) {
            components.add(new ComponentRow());
        }
        for (int i = 0; i < extraFees; i++) {
            fees.add(new FeeRow());
        }
        for (int i = 0; i < extraSteps; i++) {
            process.add(new StepRow());
        }
        return this;
    }
}
