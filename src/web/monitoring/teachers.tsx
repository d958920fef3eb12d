// Who has joined: the numbers of /teachers, by district and by school (every school of the scope, the
// empty ones first).
import { percent } from "../../domain/by-school.js";
import type { AdoptionReport, DistrictAdoption, SchoolAdoption } from "../../domain/adoption/index.js";
import { adoptionChart } from "../../charts/monitoring.js";
import { Chart } from "../components/chart.js";
import { Meter, Table } from "../components/table.js";
import type { WebT } from "../context.js";
import { Figures, SchoolLink } from "./common.js";

export function AdoptionView(props: { t: WebT; report: AdoptionReport; schoolId: (row: SchoolAdoption) => number | undefined }) {
  const { t, report } = props;
  const reached = report.schoolCount - report.emptySchools;
  const region = report.districts.length > 0;
  const share = (d: DistrictAdoption) => percent(d.reached, d.schools);
  return (
    <>
      <h2>{adoptionChart(report, t).title}</h2>
      <Figures
        items={[
          [t("web-teachers-registered"), report.teachers],
          [t("web-teachers-recent"), report.recent],
          [t("web-teachers-inactive"), report.inactive],
          [t("web-teachers-reached"), `${reached} / ${report.schoolCount}`],
          ...(report.staffListed
            ? ([
                [t("staff-col-listed"), report.staffListed],
                [t("web-staff-not-in-bot"), report.notInBot],
              ] as [string, number][])
            : []),
        ]}
      />
      {report.teachers ? <Chart chart={adoptionChart(report, t, 30)} /> : null}
      {region ? (
        <>
          <h2>{t("web-by-districts")}</h2>
          <Table<DistrictAdoption>
            id="districts"
            rows={report.districts}
            columns={[
              { header: t("teachers-col-district"), cell: (d) => d.district ?? t("teachers-no-district") },
              { header: t("web-teachers-schools"), cell: (d) => d.schools, value: (d) => d.schools, num: true },
              { header: t("web-teachers-schools-reached"), cell: (d) => d.reached, value: (d) => d.reached, num: true },
              { header: t("web-teachers-share-reached"), cell: (d) => <Meter percent={share(d)} />, value: (d) => share(d), num: true },
              { header: t("teachers-col-teachers"), cell: (d) => d.teachers, value: (d) => d.teachers, num: true },
              ...(report.staffListed
                ? [{ header: t("staff-col-not-in-bot"), cell: (d: DistrictAdoption) => d.notInBot, value: (d: DistrictAdoption) => d.notInBot, num: true }]
                : []),
            ]}
          />
        </>
      ) : null}
      <h2>{t("web-by-schools-adoption")}</h2>
      <Table<SchoolAdoption>
        id="schools"
        rows={report.schools}
        columns={[
          { header: t("sheet-col-school"), cell: (s) => <SchoolLink id={props.schoolId(s)} name={s.school} />, value: (s) => s.school },
          ...(region ? [{ header: t("teachers-col-district"), cell: (s: SchoolAdoption) => s.district ?? t("teachers-no-district"), wide: true }] : []),
          { header: t("sheet-col-cluster"), cell: (s) => s.cluster, wide: true },
          { header: t("teachers-col-teachers"), cell: (s) => s.teachers, value: (s) => s.teachers, num: true },
          { header: t("teachers-col-recent"), cell: (s) => s.recent, value: (s) => s.recent, num: true },
          { header: t("teachers-col-inactive"), cell: (s) => s.inactive, value: (s) => s.inactive, num: true, wide: true },
          ...(report.staffListed
            ? [
                { header: t("staff-col-listed"), cell: (s: SchoolAdoption) => s.staff, value: (s: SchoolAdoption) => s.staff, num: true },
                { header: t("staff-col-not-in-bot"), cell: (s: SchoolAdoption) => s.notInBot, value: (s: SchoolAdoption) => s.notInBot, num: true },
              ]
            : []),
        ]}
      />
    </>
  );
}
