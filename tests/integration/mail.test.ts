/**
 * E-mail for real (issue 13): a real SMTP server (smtp-server, from the nodemailer authors) listens on
 * 127.0.0.1 in this test process, SMTP_URL points at it, and invitations and resets go through the real
 * routes and models. The received message is parsed with mailparser and checked: recipient, subject and
 * body in the right language, a link whose token works once, and nobody else's data. A mail server that
 * refuses, is gone or does not answer gives the user the "not sent" message, never a 500.
 */
import { createServer, type AddressInfo, type Server } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { users, youngPeople } from "../../db/schema";
import { browserRequest, freshDatabase, routeArgs, sessionCookieFor, settle, userByEmail } from "../helpers/db";
import { action as peopleAction } from "~/routes/organisation.people";
import { action as inviteAction, loader as inviteLoader } from "~/routes/invite._index";
import { action as resetAction, loader as resetLoader } from "~/routes/reset._index";
import { action as recordAction } from "~/routes/plan.$youngPersonId.record";
import { action as forgotAction } from "~/routes/forgot-password";
import { getDb } from "~/utils/db.server";
import { loader as forgotLoader } from "~/routes/forgot-password";
import { loader as peopleLoader } from "~/routes/organisation.people";
import { loader as recordLoader } from "~/routes/plan.$youngPersonId.record";
import { followShownOnce } from "../helpers/shown-once";
import { withTimeouts } from "~/utils/mail.server";

const GOOD_PASSWORD = "zaļš kalns pie upes 77";

interface Received {
  envelopeTo: string[];
  mail: ParsedMail;
}

let received: Received[] = [];
let refuseRecipients = false;
let smtp: SMTPServer;
let smtpUrl = "";

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (refuseRecipients) callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

beforeEach(async () => {
  await freshDatabase({ organisation: true });
  process.env.SMTP_URL = smtpUrl;
  received = [];
  refuseRecipients = false;
});
afterEach(() => {
  delete process.env.SMTP_URL;
});

async function post(
  run: (args: ReturnType<typeof routeArgs>) => unknown,
  path: string,
  cookie: string | undefined,
  form: Record<string, string>,
  params: Record<string, string> = {},
) {
  return settle(() => run(routeArgs(browserRequest(path, { cookie, form }), params)));
}

function onlyMessage(): Received {
  expect(received).toHaveLength(1);
  return received[0]!;
}

function linkIn(text: string): { url: string; token: string } {
  const urls = text.match(/https?:\/\/\S+/g) ?? [];
  expect(urls).toHaveLength(1);
  const url = urls[0]!;
  return { url, token: url.split("/").pop()! };
}

/** Names and e-mail addresses of everyone in the database except `keep`: none may be in the message. */
function otherPeoplesData(keep: { email: string; name: string }): string[] {
  const db = getDb();
  const names = [
    ...db.select({ email: users.email, name: users.displayName }).from(users).all(),
    ...db.select({ email: youngPeople.displayName, name: youngPeople.displayName }).from(youngPeople).all(),
  ];
  return names.flatMap((p) => [p.email, p.name]).filter((v) => v && v.toLowerCase() !== keep.email.toLowerCase() && v !== keep.name && !keep.name.includes(v));
}

function expectNothingOfOthers(message: Received, keep: { email: string; name: string }) {
  const everything = `${message.mail.subject}\n${message.mail.text}\n${message.mail.html || ""}`;
  for (const other of otherPeoplesData(keep)) expect(everything, other).not.toContain(other);
  expect(message.mail.cc).toBeUndefined();
  expect(message.mail.bcc).toBeUndefined();
  expect(message.mail.attachments).toHaveLength(0);
}

describe("e-mail through a real SMTP server", () => {
  test("an invitation from the people page arrives in the language of the page it was sent from; its link works once", async () => {
    const admin = sessionCookieFor("admin@demo.test");
    const sent = await post(peopleAction, "/organisation/people?lng=ru", admin, {
      intent: "invite",
      email: "Vaditaja@Example.LV",
      displayName: "Jauna Vadītāja",
      role: "lead",
    });
    const body = await followShownOnce(sent.response, peopleLoader, admin);
    expect(body.link!.emailed).toBe(true);
    expect(body.link!.mailConfigured).toBe(true);

    const message = onlyMessage();
    expect(message.envelopeTo.map((a) => a.toLowerCase())).toEqual(["vaditaja@example.lv"]);
    expect(message.mail.to && !Array.isArray(message.mail.to) ? message.mail.to.value.map((a) => a.address?.toLowerCase()) : null).toEqual([
      "vaditaja@example.lv",
    ]);
    expect(message.mail.from?.value[0]?.address).toBe("no-reply@tilts.invalid");
    expect(message.mail.subject).toBe("Ваше приглашение в Tilts");
    expect(message.mail.text).toContain("Здравствуйте, Jauna Vadītāja!");
    expect(message.mail.text).not.toMatch(/Sveiki|Hello/);
    expectNothingOfOthers(message, { email: "vaditaja@example.lv", name: "Jauna Vadītāja" });

    // The link in the e-mail is the one on the page, and it works once.
    const { url, token } = linkIn(message.mail.text!);
    expect(url).toBe(body.link!.url);
    expect(url).toMatch(/^http:\/\/localhost:3000\/invite\/[A-Za-z0-9_-]{32}$/);
    const inviteCookie = `tilts_invite=${token}`;
    const page = await settle(() => inviteLoader(routeArgs(browserRequest("/invite", { cookie: inviteCookie }))));
    expect((await page.response.json()).state).toBe("valid");
    const accepted = await post(inviteAction, "/invite", inviteCookie, { newPassword: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD });
    expect(accepted.response.status).toBe(302);
    expect(userByEmail("vaditaja@example.lv").role).toBe("lead");
    const again = await post(inviteAction, "/invite", inviteCookie, { newPassword: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD });
    expect(again.response.status).toBe(410);
  });

  test("a young person's invitation from the record page is addressed to them alone, with their name only", async () => {
    const specialist = sessionCookieFor("specialist@demo.test");
    const roberts = getDb().select().from(youngPeople).where(eq(youngPeople.displayName, "Roberts Kalns")).get()!;
    const sent = await post(
      recordAction,
      `/plan/${roberts.id}/record?lng=lv`,
      specialist,
      { intent: "invite", email: "roberts@example.lv" },
      { youngPersonId: roberts.id },
    );
    expect((await followShownOnce(sent.response, recordLoader, specialist, { youngPersonId: roberts.id })).link!.emailed).toBe(true);
    const message = onlyMessage();
    expect(message.envelopeTo).toEqual(["roberts@example.lv"]);
    expect(message.mail.subject).toBe("Tavs ielūgums uz Tiltu");
    expect(message.mail.text).toContain("Labdien, Roberts Kalns!");
    expectNothingOfOthers(message, { email: "roberts@example.lv", name: "Roberts Kalns" });
  });

  test("a forgotten password: the reset arrives in the account's own language; the link works once and for 1 hour", async () => {
    const mentor = userByEmail("mentor@demo.test");
    getDb().update(users).set({ locale: "en" }).where(eq(users.id, mentor.id)).run();
    const asked = await post(forgotAction, "/forgot-password?lng=lv", undefined, { email: "MENTOR@demo.test" });
    // Post/redirect/get: the page after it says "sent"; a refresh (a GET) shows it again and sends nothing.
    expect(asked.response.status).toBe(302);
    expect(asked.response.headers.get("Location")).toBe("/forgot-password?sent=1&lng=lv");
    for (let refresh = 0; refresh < 2; refresh++) {
      const page = await settle(() => forgotLoader(routeArgs(browserRequest("/forgot-password?sent=1&lng=lv"))));
      expect((await page.response.json()).sent).toBe(true);
    }

    const message = onlyMessage();
    expect(message.envelopeTo).toEqual(["mentor@demo.test"]);
    expect(message.mail.subject).toBe("A new password for Tilts");
    expect(message.mail.text).toContain(`Hello, ${mentor.displayName}!`);
    expect(message.mail.text).toContain("1 hour");
    expectNothingOfOthers(message, { email: "mentor@demo.test", name: mentor.displayName });

    const { url, token } = linkIn(message.mail.text!);
    expect(url).toMatch(/^http:\/\/localhost:3000\/reset\/[A-Za-z0-9_-]{32}$/);
    const resetCookie = `tilts_reset=${token}`;
    const page = await settle(() => resetLoader(routeArgs(browserRequest("/reset", { cookie: resetCookie }))));
    expect((await page.response.json()).state).toBe("valid");
    const done = await post(resetAction, "/reset", resetCookie, { newPassword: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD });
    expect(done.response.status).toBe(302);
    const twice = await post(resetAction, "/reset", resetCookie, { newPassword: GOOD_PASSWORD + "x", confirmPassword: GOOD_PASSWORD + "x" });
    expect(twice.response.status).toBe(410);
  });

  test("an e-mail without an account gets no message, and the answer is the same", async () => {
    const asked = await post(forgotAction, "/forgot-password", undefined, { email: "nobody@example.lv" });
    expect(asked.response.status).toBe(302);
    expect(asked.response.headers.get("Location")).toBe("/forgot-password?sent=1");
    expect(received).toHaveLength(0);
  });
});

describe("a failing mail server", () => {
  async function inviteWhileFailing() {
    const admin = sessionCookieFor("admin@demo.test");
    const sent = await post(peopleAction, "/organisation/people", admin, { intent: "invite", email: "x@example.lv", displayName: "X", role: "mentor" });
    expect(sent.thrown).toBe(false);
    const body = await followShownOnce(sent.response, peopleLoader, admin);
    // The page then says "The e-mail could not be sent. Give the link or the QR code in person."
    expect(body.link).toMatchObject({ emailed: false, mailConfigured: true });
    expect(body.link!.url).toMatch(/\/invite\/[A-Za-z0-9_-]{32}$/);
    return body;
  }

  test("a refused recipient: the link is still handed over, with the not-sent message", async () => {
    refuseRecipients = true;
    await inviteWhileFailing();
    expect(received).toHaveLength(0);
    // A forgotten password gives the same answer as ever (it does not tell whether the e-mail has an account).
    const asked = await post(forgotAction, "/forgot-password", undefined, { email: "mentor@demo.test" });
    expect(asked.response.status).toBe(302);
  });

  test("no mail server at that address", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    await inviteWhileFailing();
  });

  test("a mail server that never answers: not sent, after the greeting timeout rather than minutes", async () => {
    const silent: Server = createServer(() => {
      // Accepts the connection and never says hello.
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      process.env.SMTP_URL = `smtp://127.0.0.1:${(silent.address() as AddressInfo).port}?greetingTimeout=300`;
      const started = Date.now();
      await inviteWhileFailing();
      expect(Date.now() - started).toBeLessThan(8_000);
    } finally {
      silent.close();
    }
  });
});

describe("mail timeouts", () => {
  test("SMTP_URL gets short timeouts unless it sets its own", () => {
    expect(withTimeouts("smtp://mail.example.lv:25")).toBe("smtp://mail.example.lv:25?connectionTimeout=10000&greetingTimeout=10000&socketTimeout=20000");
    expect(withTimeouts("smtps://u:p%40ss@mail.example.lv:465?greetingTimeout=300")).toBe(
      "smtps://u:p%40ss@mail.example.lv:465?greetingTimeout=300&connectionTimeout=10000&socketTimeout=20000",
    );
  });
});
