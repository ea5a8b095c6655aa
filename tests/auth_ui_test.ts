/**
 * Sign-in in a real browser: headless Chromium against a workbench whose
 * sign-in is configured against the fake OpenID issuer on 127.0.0.1
 * (`fixtures/fake_oidc_issuer.ts`), through the real oauth4webapi code. The
 * page asks an anonymous visitor to sign in; the button walks the whole
 * redirect round trip (workbench → issuer → callback) and lands signed in,
 * with the session cookie http-only and same-site; an upload through the
 * page then succeeds (the page sends the CSRF token with it); signing out
 * brings the sign-in page back and a reload stays signed out; a callback
 * with a forged state is refused with a message on the page; the Plugins
 * page lists the plugins read-only for a user who is not an admin.
 * Screenshots go to `test-output/auth/`.
 *
 * @module
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { launchChromium, VIEWPORTS } from "../kernel/testing/chromium.ts";
import { startAuthTestServer } from "./auth_harness.ts";
import { ROOT, SESSIONS_DIR, testDatabase } from "./server_harness.ts";

const OUTPUT = join(ROOT, "test-output", "auth");

Deno.test({
  name:
    "sign-in in Chromium: round trip through the issuer, cookie, CSRF-protected upload, sign-out, refusals",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    await Deno.mkdir(OUTPUT, { recursive: true });
    await using db = await testDatabase("sqlite");
    await using auth = await startAuthTestServer(db);
    const { server, issuer } = auth;
    issuer.identity = { sub: "grace-1", email: "grace@example.com", name: "Grace Hopper" };
    const browser = await launchChromium();
    const errors: string[] = [];
    try {
      const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
      const page = await context.newPage();
      page.on("pageerror", (e) => errors.push(e.message));

      await page.goto(`${server.url}/?v=deep-dive`);
      const signIn = page.locator("[data-sign-in]");
      await signIn.waitFor();
      assert.match((await signIn.textContent())!, new RegExp(`Sign in with ${new URL(issuer.url).host}`));
      await page.screenshot({ path: join(OUTPUT, "sign-in-desktop.png") });

      await signIn.click();
      const account = page.locator('.account[data-account="signed-in"]');
      await account.waitFor({ timeout: 30_000 });
      assert.equal(await account.locator(".account-name").textContent(), "Grace Hopper");
      assert.equal(issuer.authorizations.length, 1, "one trip through the issuer");
      assert.equal(new URL(page.url()).searchParams.get("v"), "deep-dive", "back where the visitor started");
      const session = (await context.cookies()).find((c) => c.name === "wb_session");
      assert.ok(session, "session cookie set");
      assert.equal(session.httpOnly, true);
      assert.equal(session.sameSite, "Lax");
      assert.ok(!(await context.cookies()).some((c) => c.name === "wb_login"), "login cookie cleared");

      // A state-changing request from the page: the upload carries the CSRF token.
      await page.locator('input[type="file"]').first().setInputFiles(join(SESSIONS_DIR, "barber-1lap.csv"));
      await page.locator(".view .card svg").first().waitFor({ timeout: 60_000 });
      const listed = await page.evaluate(() => fetch("/api/sessions").then((r) => r.json()));
      assert.deepEqual(listed.items.map((s: { file_name: string }) => s.file_name), ["barber-1lap.csv"]);
      await page.screenshot({ path: join(OUTPUT, "signed-in-desktop.png") });

      // Not an admin (no WORKBENCH_ADMINS): the Plugins page is read-only.
      await page.goto(`${server.url}/?page=plugins`);
      await page.locator(".plugin-card").first().waitFor();
      assert.equal(await page.locator("[data-toggle]").count(), 0, "no enable switches for a non-admin");
      assert.match((await page.locator(".plugins-page .page-head").textContent())!, /read-only/);

      await page.goto(server.url);
      await account.locator("button", { hasText: "Sign out" }).click();
      await signIn.waitFor();
      await page.reload();
      await signIn.waitFor();
      assert.equal(await account.count(), 0, "still signed out after a reload");
      const me = await page.evaluate(() => fetch("/api/auth/me").then((r) => r.json()));
      assert.equal(me.user, null);

      // A callback whose state was never issued is refused, and the page says why.
      await page.goto(`${server.url}/api/auth/callback?code=forged&state=forged`);
      await page.locator('.sign-in [role="alert"]').waitFor();
      assert.ok(/auth_error=/.test(page.url()), page.url());
      assert.equal(await account.count(), 0);

      const phone = await browser.newPage({ viewport: VIEWPORTS.phone });
      await phone.goto(server.url);
      await phone.locator("[data-sign-in]").waitFor();
      await phone.screenshot({ path: join(OUTPUT, "sign-in-phone.png") });
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  },
});
