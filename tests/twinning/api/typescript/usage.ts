// A partner's code against the types openapi-typescript generates from /api/v2/openapi.json.
// Type-checked with `tsc --strict`: it compiles only if page items narrow on `type` to
// their page type, with typed partnership dates, milestones and partner cities.
import type { components, paths } from "./partner-api";

type Schemas = components["schemas"];
type PageList = paths["/pages/"]["get"]["responses"][200]["content"]["application/json"];
type PageItem = PageList["items"][number];
type PageDetail = paths["/pages/{id}/"]["get"]["responses"][200]["content"]["application/json"];

export function describe(item: PageItem | PageDetail): string {
  switch (item.type) {
    case "twinning.PartnerCityPage": {
      const signed: Schemas["PartialDate"] | null | undefined = item.signed;
      const history: string[] = (item.milestones ?? []).map(
        (milestone: Schemas["Milestone"]) => `${milestone.date?.iso ?? "?"} ${milestone.title}`,
      );
      return [`${item.title ?? ""} (${signed?.label ?? "-"}, ${signed?.year ?? ""})`, ...history].join("\n");
    }
    case "twinning.ExchangeStoryPage": {
      const cities: Schemas["PageSummary"][] = item.partner_cities ?? [];
      return `${item.date ?? ""} ${item.title ?? ""}: ${cities.map((city) => city.title).join(", ")}`;
    }
    case "twinning.EventPage":
      return `${item.start ?? ""} ${item.place_name ?? ""}`;
    case "twinning.ProjectCallPage":
      return `${item.status ?? ""} until ${item.closes_at ?? ""}`;
    default:
      return `${item.id} ${item.meta.type}`;
  }
}

export function partnerCities(list: PageList): Schemas["PageSummary"][] {
  return list.items.flatMap((item) => (item.type === "twinning.ExchangeStoryPage" ? item.partner_cities ?? [] : []));
}

export const total: (list: PageList) => number = (list) => list.meta.total_count;
