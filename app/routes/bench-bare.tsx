/**
 * A bare Remix page of this build, for `npm run bench` only: the benchmark compares every page with it
 * (docs/benchmarks.md). Users get "not found" unless the server was started with TILTS_BENCH_BARE=1.
 */
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

export function loader() {
  if (process.env.TILTS_BENCH_BARE !== "1") throw new Response("Not found", { status: 404 });
  return json({ text: "bare" }, { headers: { "Cache-Control": "no-store" } });
}

export default function BenchBare() {
  const { text } = useLoaderData<typeof loader>();
  return <p>{text}</p>;
}
