// Once per run, before any test file: the template databases every test app copies (templates.ts).
import type { TestProject } from "vitest/node";
import { buildTemplates } from "./templates.js";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const built = await buildTemplates(process.env.TEST_DATABASE_URL);
  project.provide("templates", built.templates);
  return built.drop;
}
