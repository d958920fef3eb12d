// Attestation: the numbers of /attestation, by district and by school.
import type { AttestationReport, DistrictAttestation, SchoolAttestation } from "../../domain/attestation/index.js";
import { percent } from "../../domain/by-school.js";
import { attestationChart } from "../../charts/monitoring.js";
import { Chart } from "../components/chart.js";
import { Meter, Table } from "../components/table.js";
import type { WebT } from "../context.js";
import { Figures, SchoolLink } from "./common.js";

export function AttestationView(props: { t: WebT; report: AttestationReport; schoolId: (row: SchoolAttestation) => number | undefined }) {
  const { t, report } = props;
  if (!report.teachers)
    return <p class="card">{report.district === null ? t("attestation-no-teachers") : t("attestation-no-teachers-district", { district: report.district })}</p>;
  const share = (r: { current: number; teachers: number }) => percent(r.current, r.teachers);
  const region = report.districts.length > 0;
  const c = report.counts;
  return (
    <>
      <h2>{attestationChart(report, t).title}</h2>
      <Figures
        items={[
          [t("web-attestation-teachers"), report.teachers],
          [t("web-attestation-valid"), c.valid],
          [t("web-attestation-expiring"), c.expiring],
          [t("web-attestation-expired"), c.expired],
          [t("web-attestation-none"), c.none],
          [t("web-attestation-unknown"), c.unknown],
          ...(report.staffList ? ([[t("web-staff-not-in-bot"), report.notInBot]] as [string, number][]) : []),
        ]}
      />
      <Chart chart={attestationChart(report, t, 30)} />
      {region ? (
        <>
          <h2>{t("web-by-districts")}</h2>
          <Table<DistrictAttestation>
            id="districts"
            rows={report.districts}
            columns={[
              { header: t("attestation-col-district"), cell: (d) => d.district ?? t("attestation-no-district") },
              { header: t("attestation-col-teachers"), cell: (d) => d.teachers, value: (d) => d.teachers, num: true },
              { header: t("attestation-col-current"), cell: (d) => d.current, value: (d) => d.current, num: true },
              { header: t("attestation-col-percent"), cell: (d) => <Meter percent={share(d)} />, value: (d) => share(d), num: true },
              ...(report.staffList
                ? [
                    {
                      header: t("staff-col-not-in-bot"),
                      cell: (d: DistrictAttestation) => d.notInBot,
                      value: (d: DistrictAttestation) => d.notInBot,
                      num: true,
                    },
                  ]
                : []),
            ]}
          />
        </>
      ) : null}
      <h2>{t("web-by-schools")}</h2>
      <Table<SchoolAttestation>
        id="schools"
        rows={report.schools}
        columns={[
          { header: t("sheet-col-school"), cell: (s) => <SchoolLink id={props.schoolId(s)} name={s.school} />, value: (s) => s.school },
          ...(region
            ? [{ header: t("attestation-col-district"), cell: (s: SchoolAttestation) => s.district ?? t("attestation-no-district"), wide: true }]
            : []),
          { header: t("sheet-col-cluster"), cell: (s) => s.cluster, wide: true },
          { header: t("attestation-col-teachers"), cell: (s) => s.teachers, value: (s) => s.teachers, num: true },
          { header: t("attestation-col-current"), cell: (s) => s.current, value: (s) => s.current, num: true },
          { header: t("attestation-col-percent"), cell: (s) => <Meter percent={share(s)} />, value: (s) => share(s), num: true },
          ...(report.staffList
            ? [{ header: t("staff-col-not-in-bot"), cell: (s: SchoolAttestation) => s.notInBot, value: (s: SchoolAttestation) => s.notInBot, num: true }]
            : []),
        ]}
      />
    </>
  );
}
