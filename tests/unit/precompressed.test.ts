import { describe, expect, test } from "vitest";
import { pickPrecompressed } from "~/utils/precompressed.server";

describe("the precompressed copy a request takes (decision 040)", () => {
  test.each([
    [undefined, null],
    ["", null],
    ["identity", null],
    ["gzip", "gzip"],
    ["gzip, deflate", "gzip"],
    // Browsers name br last; it is still preferred, as the compression package prefers it.
    ["gzip, deflate, br, zstd", "br"],
    ["br", "br"],
    ["BR;Q=1, GZIP", "br"],
    ["br;q=0, gzip", "gzip"],
    ["br;q=0.5, gzip;q=0.8", "gzip"],
    ["br;q=0.8, gzip;q=0.8", "br"],
    ["gzip;q=0, br;q=0", null],
    ["gzip;q=0", null],
    ["deflate", null],
    ["*", "br"],
    ["*;q=0.5, gzip", "gzip"],
    ["*, br;q=0", "gzip"],
    ["br;q=abc, gzip", "gzip"],
    [" , gzip ;q=1 ", "gzip"],
  ])("%j → %j", (header, expected) => {
    expect(pickPrecompressed(header)).toBe(expected);
  });
});
