// Coverage by courses this academic year: the numbers of /coverage, by district and by school.
import { percent } from "../../domain/by-school.js";
import type { CourseCoverage, DistrictCoverage, SchoolCoverage } from "../../domain/coverage/index.js";
import { coverageChart } from "../../charts/monitoring.js";
import { Chart } from "../components/chart.js";
import { Meter, Table } from "../components/table.js";
import type { WebT } from "../context.js";
import { Figures, SchoolLink } from "./common.js";

export function CoverageReport(props: { t: WebT; report: CourseCoverage; schoolId: (row: SchoolCoverage) => number | undefined }) {
  const { t, report } = props;
  if (!report.teachers)
    return <p class="card">{report.district === null ? t("coverage-no-teachers") : t("coverage-no-teachers-district", { district: report.district })}</p>;
  const share = (r: { covered: number; teachers: number }) => percent(r.covered, r.teachers);
  const region = report.districts.length > 0;
  return (
    <>
      <h2>{coverageChart(report, t).title}</h2>
      <Figures
        items={[
          [t("web-coverage-teachers"), report.teachers],
          [t("web-coverage-covered"), report.covered],
          [t("web-coverage-share"), `${share(report)} %`],
          [t("web-coverage-uncovered"), report.uncovered.length],
          ...(report.staffList ? ([[t("web-staff-not-in-bot"), report.notInBot]] as [string, number][]) : []),
        ]}
      />
      <Chart chart={coverageChart(report, t, 30)} />
      {region ? (
        <>
          <h2>{t("web-by-districts")}</h2>
          <Table<DistrictCoverage>
            id="districts"
            rows={report.districts}
            columns={[
              { header: t("coverage-col-district"), cell: (d) => d.district ?? t("coverage-no-district") },
              { header: t("coverage-col-teachers"), cell: (d) => d.teachers, value: (d) => d.teachers, num: true },
              { header: t("coverage-col-covered"), cell: (d) => d.covered, value: (d) => d.covered, num: true },
              { header: t("coverage-col-percent"), cell: (d) => <Meter percent={share(d)} />, value: (d) => share(d), num: true },
              ...(report.staffList
                ? [{ header: t("staff-col-not-in-bot"), cell: (d: DistrictCoverage) => d.notInBot, value: (d: DistrictCoverage) => d.notInBot, num: true }]
                : []),
            ]}
          />
        </>
      ) : null}
      <h2>{t("web-by-schools")}</h2>
      <Table<SchoolCoverage>
        id="schools"
        rows={report.schools}
        columns={[
          { header: t("coverage-col-school"), cell: (s) => <SchoolLink id={props.schoolId(s)} name={s.school} />, value: (s) => s.school },
          ...(region ? [{ header: t("coverage-col-district"), cell: (s: SchoolCoverage) => s.district ?? t("coverage-no-district"), wide: true }] : []),
          { header: t("sheet-col-cluster"), cell: (s) => s.cluster, wide: true },
          { header: t("coverage-col-teachers"), cell: (s) => s.teachers, value: (s) => s.teachers, num: true },
          { header: t("coverage-col-covered"), cell: (s) => s.covered, value: (s) => s.covered, num: true },
          { header: t("coverage-col-percent"), cell: (s) => <Meter percent={share(s)} />, value: (s) => share(s), num: true },
          ...(report.staffList
            ? [{ header: t("staff-col-not-in-bot"), cell: (s: SchoolCoverage) => s.notInBot, value: (s: SchoolCoverage) => s.notInBot, num: true }]
            : []),
        ]}
      />
    </>
  );
}
