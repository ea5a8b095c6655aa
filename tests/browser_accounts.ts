/**
 * Signed-in browsers for the Chromium tests of the social pages: the two
 * drivers they use, a browser context that signs in through the real login
 * redirects (workbench → fake issuer → callback) as a given person, uploads
 * made with that context's cookies and CSRF token, waited for until
 * analysed, and screenshots at desktop and phone width.
 *
 * @module
 */

import { Buffer } from "node:buffer";
import { join } from "node:path";
import assert from "node:assert/strict";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { FakeIdentity, FakeIssuer } from "./fixtures/fake_oidc_issuer.ts";
import { type AuthTestServer, startAuthTestServer } from "./auth_harness.ts";
import { SESSIONS_DIR, testDatabase } from "./server_harness.ts";
import { launchChromium, VIEWPORTS } from "../kernel/testing/chromium.ts";

/** The drivers of the tests: Ann shares, instructs and owns; Ben is her student and club member. */
export const DRIVERS = {
  ann: { sub: "ann", email: "ann@example.com", name: "Ann Driver" },
  ben: { sub: "ben", email: "ben@example.com", name: "Ben Student" },
} as const satisfies Record<string, FakeIdentity>;

/** A workbench with sign-in (fake issuer) on a fresh SQLite database, and Chromium. */
export interface SignInWorld extends AsyncDisposable {
  /** The workbench's address. */
  base: string;
  /** The workbench and the issuer. */
  auth: AuthTestServer;
  /** Chromium. */
  browser: Browser;
}

/** Starts the world (and creates the screenshot folder `output`); dispose of it with `await using`. */
export async function signInWorld(output: string): Promise<SignInWorld> {
  await Deno.mkdir(output, { recursive: true });
  const db = await testDatabase("sqlite");
  const auth = await startAuthTestServer(db);
  const browser = await launchChromium();
  return {
    base: auth.server.url,
    auth,
    browser,
    async [Symbol.asyncDispose]() {
      await browser.close();
      await auth[Symbol.asyncDispose]();
      await db[Symbol.asyncDispose]();
    },
  };
}

/** A browser context signed in as one person. */
export interface SignedInBrowser {
  /** The context (its cookies are the sign-in). */
  context: BrowserContext;
  /** A page of it, on the workbench. */
  page: Page;
  /** The workbench's user id. */
  userId: string;
  /** The CSRF token of the sign-in. */
  csrf: string;
  /** Uncaught page errors seen so far. */
  errors: string[];
}

/** Opens a context and signs in as `identity` (the issuer approves at once). */
export async function signInBrowser(
  browser: Browser,
  baseUrl: string,
  issuer: FakeIssuer,
  identity: Readonly<FakeIdentity>,
): Promise<SignedInBrowser> {
  const context = await browser.newContext({
    viewport: VIEWPORTS.desktop,
    permissions: ["clipboard-read", "clipboard-write"],
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  issuer.identity = identity;
  await page.goto(`${baseUrl}/api/auth/login?return_to=/`);
  await page.waitForSelector('[data-account="signed-in"], .welcome', { timeout: 30_000 });
  const me = await (await context.request.get(`${baseUrl}/api/auth/me`)).json();
  if (!me.user) throw new Error(`signing in as ${identity.name} failed`);
  return { context, page, userId: me.user.id, csrf: me.csrf_token, errors };
}

/** Uploads a sample session as the signed-in person; resolves to its id once it is analysed. */
export async function uploadAs(who: SignedInBrowser, baseUrl: string, file: string): Promise<string> {
  const response = await who.context.request.post(`${baseUrl}/api/sessions/upload`, {
    headers: { "x-csrf-token": who.csrf },
    multipart: {
      files: {
        name: file,
        mimeType: "text/csv",
        buffer: Buffer.from(await Deno.readFile(join(SESSIONS_DIR, file))),
      },
    },
  });
  if (response.status() !== 201) {
    throw new Error(`upload of ${file}: ${response.status()} ${await response.text()}`);
  }
  const id = (await response.json()).session_ids[0] as string;
  for (let i = 0; i < 1200; i++) {
    const status = (await (await who.context.request.get(`${baseUrl}/api/sessions/${id}`)).json()).status;
    if (status === "ready") return id;
    if (status === "failed") throw new Error(`${file} failed to analyse`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${file} still not analysed`);
}

/**
 * Saves `dir/name-desktop.png` and `dir/name-phone.png` (full page, from the
 * top) and asserts the page does not scroll sideways on the phone.
 */
export async function shoot(page: Page, dir: string, name: string): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  await page.evaluate(() => scrollTo(0, 0)); // the sticky top bar stays at the top of the picture
  await page.screenshot({ path: join(dir, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize(VIEWPORTS.phone);
  await page.waitForTimeout(300); // charts redraw at the new width
  await page.screenshot({ path: join(dir, `${name}-phone.png`), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `${name}: no horizontal scrolling on a phone (${overflow} px too wide)`);
  await page.setViewportSize(VIEWPORTS.desktop);
}
