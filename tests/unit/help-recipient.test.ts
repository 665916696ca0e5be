/** Who a help request reaches when roles changed (found by mutation testing, docs/proofs.md). */
import { describe, expect, it } from "vitest";
import { helpRecipient } from "~/domain/help";

describe("helpRecipient", () => {
  const lead = { id: "lead", role: "lead", disabled: false } as const;
  it("a specialist whose account is now another role does not receive it: the lead does", () => {
    expect(helpRecipient({ id: "s", role: "mentor", disabled: false }, [lead])?.id).toBe("lead");
  });
  it("only an active lead is the fallback, not someone listed whose role changed", () => {
    expect(helpRecipient(null, [{ id: "was-lead", role: "specialist", disabled: false }, lead])?.id).toBe("lead");
    expect(helpRecipient(null, [{ id: "gone", role: "lead", disabled: true }])).toBeNull();
  });
});
