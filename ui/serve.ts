/**
 * Serves the bundled UI: the page at `/` (and any non-API path, so links with
 * a query string work) and the hashed assets under `/assets/`, cached for a
 * year since their names change with their content.
 *
 * @module
 */

import type { UiBundle, ViewPrefetch } from "./build.ts";

/**
 * Starts the first API requests while the bundle is still downloading and
 * compiling: the session list and, for a linked session, its detail, its
 * diagnostics and — once the detail says which exist — the artifacts the
 * linked view (`v`, else the first) needs; `api/http.ts` picks them up. The
 * URL shapes are `api/server_api.ts`'s. Also warms the browser's number and
 * date formatting.
 */
function prefetchScript(prefetch: ViewPrefetch): string {
  const plan = JSON.stringify(prefetch).replace(/</g, "\\u003c");
  return `(function(){var p={},q=new URLSearchParams(location.search),s=q.get("s"),P=${plan};` +
    `function g(u){return p[u]=fetch(u,{headers:{accept:"application/json"}})}g("/api/sessions");` +
    `if(s){var b="/api/sessions/"+encodeURIComponent(s);` +
    `g(b).then(function(r){return r.ok?r.clone().json():null}).then(function(d){` +
    `if(!d||d.status!=="ready")return;var ids=P.artifacts[q.get("v")]||P.artifacts[P.views[0]]||[];` +
    `ids.forEach(function(k){if(d.artifacts.indexOf(k)>=0)g(b+"/artifacts/"+encodeURIComponent(k))})` +
    `}).catch(function(){});g(b+"/diagnostics")}window.workbenchPrefetch=p;` +
    // Load the locale data number and date formatting need (~0.1 s on first use) once the page is parsed,
    // while the bundle and the data are still on their way.
    `setTimeout(function(){try{new Intl.NumberFormat().format(1.5);new Date().toLocaleDateString()}catch(e){}})})()`;
}

/** The page that loads the bundle. */
export function indexHtml(bundle: Pick<UiBundle, "hash" | "prefetch">): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<title>Cataclysm Workbench</title>
<link rel="stylesheet" href="/assets/app.${bundle.hash}.css">
<link rel="modulepreload" href="/assets/app.${bundle.hash}.js">
<script>${prefetchScript(bundle.prefetch)}</script>
<script>try{var t=JSON.parse(localStorage.getItem("workbench.settings")||"{}").theme;document.documentElement.dataset.theme=t||(matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light")}catch(e){}</script>
</head>
<body>
<div id="app"></div>
<noscript>The workbench needs JavaScript.</noscript>
<script type="module" src="/assets/app.${bundle.hash}.js"></script>
</body>
</html>
`;
}

/** The bundle's files, each with its gzip form, ready to send. */
interface ServedFiles {
  page: string;
  js: Asset;
  css: Asset;
}

interface Asset {
  path: string;
  type: string;
  body: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer>;
}

async function asset(path: string, type: string, text: string): Promise<Asset> {
  const body = new TextEncoder().encode(text);
  const gzip = new Uint8Array(
    await new Response(new Blob([body]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer(),
  );
  return { path, type, body, gzip };
}

/**
 * A request handler for the UI: the response for `/`, `/assets/…` and other
 * page paths, or null for `/api/…` and anything else it does not serve. The
 * bundle is built by `build` on the first request that needs it (so a server
 * that only answers API calls never runs esbuild) and kept, with its assets
 * gzipped once rather than on every request.
 */
export function createUiHandler(
  build: () => Promise<UiBundle>,
): (request: Request) => Promise<Response | null> {
  let served: Promise<ServedFiles> | null = null;
  const prepare = async (): Promise<ServedFiles> => {
    const bundle = await build();
    return {
      page: indexHtml(bundle),
      js: await asset(`/assets/app.${bundle.hash}.js`, "text/javascript; charset=utf-8", bundle.js),
      css: await asset(`/assets/app.${bundle.hash}.css`, "text/css; charset=utf-8", bundle.css),
    };
  };
  return async (request) => {
    if (request.method !== "GET" && request.method !== "HEAD") return null;
    const path = new URL(request.url).pathname;
    const isAsset = path.startsWith("/assets/app.");
    if (!isAsset && (path.startsWith("/api/") || path.startsWith("/assets/") || /\.[a-z0-9]+$/i.test(path))) {
      return null;
    }
    served ??= prepare();
    served.catch(() => (served = null));
    const files = await served;
    const file = [files.js, files.css].find((f) => f.path === path);
    if (file) {
      const gzip = /\bgzip\b/.test(request.headers.get("accept-encoding") ?? "");
      return new Response(gzip ? file.gzip : file.body, {
        headers: {
          "content-type": file.type,
          "cache-control": "public, max-age=31536000, immutable",
          "vary": "accept-encoding",
          ...(gzip ? { "content-encoding": "gzip" } : {}),
        },
      });
    }
    if (isAsset) return null;
    return new Response(files.page, {
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache" },
    });
  };
}
