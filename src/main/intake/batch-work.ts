// A planned work as the plan (a batch file) has it: from the report's guesses. intake writes the plan with it, and
// intake.apply starts from it again for every correction (so applying twice is applying the last edit once).
import type { IntakeWork } from '../../shared/intake/report.js';

export function batchWorkOf(w: IntakeWork) {
  return {
    key: w.key,
    category: w.category.value,
    stage: w.stage.value,
    variant: null,
    title: w.title.value,
    subject: w.subject,
    grade: w.grade,
    share: w.share,
    // The summary gives the first author's unit; co-authors are taken to be of the same unit (usually so).
    authors: w.authors.value.map((name, i) => ({
      name,
      unit: w.authorUnit,
      mobile: i === 0 ? w.mobile : '',
      email: '',
      phone: '',
    })),
    comment: '',
    fields: {},
    scenes: [],
    space: false,
    files: w.files.map((f) => ({ role: f.role, path: f.path, ...(f.origin ? { origin: f.origin } : {}) })),
    checklist: {},
  };
}
