#!/usr/bin/env node
/**
 * `npm run advisories`: checks every package version in package-lock.json against the dated list of
 * known vulnerabilities in security/advisories.json (no advisory service answers on our machines, so
 * `npm audit` cannot). Fails on an installed vulnerable version unless the entry is accepted with a
 * reason and a date that has not passed; fails when the list has not been reviewed for 90 days.
 * Prints one line per finding.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import semver from "semver";

const root = fileURLToPath(new URL("..", import.meta.url));
const REVIEW_DAYS = 90;

export function installedVersions(lock) {
  const versions = new Map();
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (!path || !entry.version) continue;
    const name = entry.name ?? path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
    if (!versions.has(name)) versions.set(name, new Map());
    const where = versions.get(name);
    where.set(entry.version, [...(where.get(entry.version) ?? []), { path, dev: Boolean(entry.dev) }]);
  }
  return versions;
}

export function findings(lock, list, today) {
  const versions = installedVersions(lock);
  const problems = [];
  const accepted = [];
  for (const advisory of list.advisories) {
    for (const [version, places] of versions.get(advisory.package) ?? []) {
      if (!semver.satisfies(version, advisory.vulnerable)) continue;
      const line = `${advisory.package}@${version} (${places.map((p) => p.path.replace(/^node_modules\//, "")).join(", ")}): ${advisory.id}, ${advisory.severity}: ${advisory.summary}`;
      if (advisory.accepted && advisory.accepted.until >= today)
        accepted.push(`${line}\n    accepted until ${advisory.accepted.until}: ${advisory.accepted.reason}`);
      else if (advisory.accepted) problems.push(`${line}\n    its acceptance ended on ${advisory.accepted.until}: fix it or review it again`);
      else problems.push(line);
    }
  }
  const age = (Date.parse(today) - Date.parse(list.reviewed)) / 86_400_000;
  if (!(age <= REVIEW_DAYS)) problems.push(`security/advisories.json was last reviewed on ${list.reviewed}, over ${REVIEW_DAYS} days ago: review it`);
  return { problems, accepted };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const lock = JSON.parse(readFileSync(`${root}/package-lock.json`, "utf8"));
  const list = JSON.parse(readFileSync(`${root}/security/advisories.json`, "utf8"));
  const today = new Date().toISOString().slice(0, 10);
  const { problems, accepted } = findings(lock, list, today);
  const count = [...installedVersions(lock).values()].reduce((n, v) => n + v.size, 0);
  console.log(`advisories: ${count} package versions checked against ${list.advisories.length} advisories (list reviewed ${list.reviewed})`);
  for (const line of accepted) console.log(`  accepted: ${line}`);
  for (const line of problems) console.error(`  VULNERABLE: ${line}`);
  if (problems.length > 0) process.exit(1);
  console.log("advisories: no unaccepted known vulnerability");
}
