/**
 * `plugins.json`: a missing file is an empty configuration, a bad one is
 * refused naming the file and the key, relative folders resolve against the
 * file's directory, and enabling/disabling keeps everything else in the file.
 *
 * @module
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import {
  parsePluginConfig,
  PluginConfigError,
  pluginConfigPath,
  readPluginConfig,
  setPluginEnabled,
} from "./plugin_config.ts";

const FILE = "/data/plugins.json";

Deno.test("a missing file is an empty configuration", async () => {
  const dir = await Deno.makeTempDir();
  const config = await readPluginConfig(dir);
  assert.deepEqual(config, { file: pluginConfigPath(dir), folders: [], plugins: {} });
  await Deno.remove(dir, { recursive: true });
});

Deno.test("folders resolve against the file's directory; entries are kept", () => {
  const config = parsePluginConfig(
    JSON.stringify({
      folders: ["../ext/trail-braking", "/abs/csv"],
      plugins: { "trail-braking": { enabled: true, order: -1, settings: { lookBackM: 80 } } },
    }),
    FILE,
  );
  assert.deepEqual(config.folders, ["/ext/trail-braking", "/abs/csv"]);
  assert.deepEqual(config.plugins["trail-braking"], {
    enabled: true,
    order: -1,
    settings: { lookBackM: 80 },
  });
});

Deno.test("a bad file is refused with the file and the key named", () => {
  const cases: [string, RegExp][] = [
    ["{", /^\/data\/plugins\.json: is not valid JSON/],
    ["[]", /^\/data\/plugins\.json: must hold a JSON object$/],
    [`{"folder": []}`, /^\/data\/plugins\.json: folder is not a known key/],
    [`{"folders": "x"}`, /: folders must be a list of folder paths$/],
    [`{"folders": [""]}`, /: folders\[0\] must be a folder path$/],
    [`{"plugins": {"laps": true}}`, /: plugins\.laps must be an object/],
    [`{"plugins": {"laps": {"enabled": "no"}}}`, /: plugins\.laps\.enabled must be true or false, got "no"$/],
    [`{"plugins": {"laps": {"order": "1"}}}`, /: plugins\.laps\.order must be a number/],
    [`{"plugins": {"laps": {"setings": {}}}}`, /: plugins\.laps\.setings is not a known key/],
    [`{"plugins": {"laps": {"settings": 3}}}`, /: plugins\.laps\.settings must be an object$/],
  ];
  for (const [text, message] of cases) {
    assert.throws(
      () => parsePluginConfig(text, FILE),
      (e: Error) => e instanceof PluginConfigError && message.test(e.message),
      text,
    );
  }
});

Deno.test("enabling and disabling writes the file and keeps the rest of it", async () => {
  const dir = await Deno.makeTempDir();
  const created = await setPluginEnabled(join(dir, "new"), "coaching", false);
  assert.deepEqual(created.plugins, { coaching: { enabled: false } });
  await Deno.writeTextFile(
    join(dir, "plugins.json"),
    JSON.stringify({ folders: ["x"], plugins: { a: { order: 2, settings: { k: 1 } } } }),
  );
  const config = await setPluginEnabled(dir, "a", false);
  assert.deepEqual(config.plugins.a, { order: 2, settings: { k: 1 }, enabled: false });
  assert.deepEqual(config.folders, [join(dir, "x")]);
  assert.deepEqual(JSON.parse(await Deno.readTextFile(join(dir, "plugins.json"))).folders, ["x"]);
  await Deno.writeTextFile(join(dir, "plugins.json"), `{"plugins": {"a": {"enabled": 1}}}`);
  await assert.rejects(setPluginEnabled(dir, "a", true), /plugins\.a\.enabled must be true or false/);
  await Deno.remove(dir, { recursive: true });
});
