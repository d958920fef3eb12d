// The .xlsx files of the three monitoring reports (coverage by courses, attestation, who has joined),
// shared by the chat (/coverage, /attestation, /teachers) and the site's monitoring section: their labels
// in the reader's language. Their charts are src/charts/monitoring.ts. Numbers come from the domain
// services (services.coverage / attestation / adoption); nothing here counts anything.
import type { AttestationReport, AttestedTeacher } from "../domain/attestation/index.js";
import { attestationWorkbook } from "../domain/attestation/spreadsheet.js";
import type { CourseCoverage } from "../domain/coverage/index.js";
import { coverageWorkbook } from "../domain/coverage/spreadsheet.js";
import type { AdoptionReport, RegisteredPerson } from "../domain/adoption/index.js";
import { adoptionWorkbook } from "../domain/adoption/spreadsheet.js";

export type { PlainT } from "../charts/monitoring.js";
import type { PlainT } from "../charts/monitoring.js";

/** A label that depends only on `key` (a role, a status), translated once per file rather than once per row. */
function perKey<K, T>(key: (x: T) => K, label: (x: T) => string): (x: T) => string {
  const known = new Map<K, string>();
  return (x) => {
    const k = key(x);
    let v = known.get(k);
    if (v === undefined) known.set(k, (v = label(x)));
    return v;
  };
}

const personLabels = (t: PlainT) => ({
  number: t("sheet-col-number"),
  name: t("sheet-col-name"),
  school: t("sheet-col-school"),
  cluster: t("sheet-col-cluster"),
});

/** The .xlsx of /coverage, in the reader's language. */
export function coverageFile(report: CourseCoverage, t: PlainT): Promise<Buffer> {
  return coverageWorkbook(report, {
    districtsSheet: t("coverage-sheet-districts"),
    district: t("coverage-col-district"),
    noDistrict: t("coverage-no-district"),
    schoolsSheet: t("coverage-sheet-schools"),
    uncoveredSheet: t("coverage-sheet-uncovered"),
    school: t("coverage-col-school"),
    cluster: t("sheet-col-cluster"),
    teachers: t("coverage-col-teachers"),
    covered: t("coverage-col-covered"),
    percent: t("coverage-col-percent"),
    total: t("coverage-col-total"),
    name: t("coverage-col-name"),
    subjects: t("coverage-col-subjects"),
    notInBot: t("staff-col-not-in-bot"),
    inBot: t("staff-col-in-bot"),
    yes: t("sheet-yes"),
    no: t("sheet-no"),
  });
}

/** The .xlsx of /attestation. */
export function attestationFile(report: AttestationReport, t: PlainT, zone: string): Promise<Buffer> {
  return attestationWorkbook(
    report,
    {
      sheet: t("attestation-sheet-name"),
      ...personLabels(t),
      districtsSheet: t("attestation-sheet-districts"),
      schoolsSheet: t("attestation-sheet-schools"),
      district: t("attestation-col-district"),
      noDistrict: t("attestation-no-district"),
      teachers: t("attestation-col-teachers"),
      current: t("attestation-col-current"),
      percent: t("attestation-col-percent"),
      total: t("attestation-col-total"),
      category: t("attestation-col-category"),
      until: t("attestation-col-until"),
      status: t("attestation-col-status"),
      dateFormat: t("sheet-date-format"),
      categoryOf: perKey(
        (p: AttestedTeacher) => p.category,
        (p) => (p.category ? t(`attestation-category-${p.category}`) : ""),
      ),
      statusOf: perKey(
        (p: AttestedTeacher) => p.status,
        (p) => t(`attestation-status-${p.status}`),
      ),
      notInBot: t("staff-col-not-in-bot"),
      source: t("staff-col-source"),
      sourceOf: perKey(
        (p: AttestedTeacher) => p.source ?? "",
        (p) => (p.source ? t(`staff-source-${p.source}`) : ""),
      ),
      inBot: t("staff-col-in-bot"),
      yes: t("sheet-yes"),
      no: t("sheet-no"),
    },
    zone,
  );
}

/** The .xlsx of /teachers. */
export function adoptionFile(report: AdoptionReport, t: PlainT, zone: string): Promise<Buffer> {
  return adoptionWorkbook(
    report,
    {
      ...personLabels(t),
      schoolsSheet: t("teachers-sheet-schools"),
      peopleSheet: t("teachers-sheet-people"),
      district: t("teachers-col-district"),
      noDistrict: t("teachers-no-district"),
      teachers: t("teachers-col-teachers"),
      recent: t("teachers-col-recent"),
      inactive: t("teachers-col-inactive"),
      staff: t("staff-col-listed"),
      notInBot: t("staff-col-not-in-bot"),
      total: t("teachers-col-total"),
      subjects: t("teachers-col-subjects"),
      role: t("teachers-col-role"),
      registeredAt: t("teachers-col-registered"),
      language: t("teachers-col-language"),
      active: t("teachers-col-active"),
      dateFormat: t("sheet-date-format"),
      roleOf: perKey(
        (p: RegisteredPerson) => p.role,
        (p) => t(`role-${p.role}`),
      ),
      languageOf: perKey(
        (p: RegisteredPerson) => p.language === "en",
        (p) => t(p.language === "en" ? "teachers-language-en" : "teachers-language-ru"),
      ),
      yes: t("sheet-yes"),
      no: t("sheet-no"),
    },
    zone,
  );
}
