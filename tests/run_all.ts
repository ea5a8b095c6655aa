/**
 * Runs every test (`deno task test`), the code examples of the doc comments
 * and of the Markdown guides included (`--doc`: `sdk/README.md` is run
 * block by block), and ends with the plain summary line
 * `N passed, N failed` (`, N skipped` when tests were ignored) taken from
 * Deno's own result line. Exits with `deno test`'s status.
 *
 * @module
 */

const args = ["test", "-A", "--parallel", "--doc", ...Deno.args];
const child = new Deno.Command(Deno.execPath(), {
  args,
  env: { NO_COLOR: "1" },
  stdout: "piped",
  stderr: "piped",
}).spawn();

let summary = "";
const decoder = new TextDecoder();
async function relay(stream: ReadableStream<Uint8Array>, sink: typeof Deno.stdout): Promise<void> {
  let pending = "";
  for await (const chunk of stream) {
    await sink.write(chunk);
    pending += decoder.decode(chunk, { stream: true });
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) if (/^(ok|FAILED) \| \d+ passed/.test(line)) summary = line;
  }
}
await Promise.all([relay(child.stdout, Deno.stdout), relay(child.stderr, Deno.stderr)]);
const { code } = await child.status;

const count = (label: string) => Number(new RegExp(`(\\d+) ${label}`).exec(summary)?.[1] ?? 0);
if (summary) {
  const skipped = count("ignored");
  console.log(`${count("passed")} passed, ${count("failed")} failed${skipped ? `, ${skipped} skipped` : ""}`);
} else {
  console.log(`0 passed, 1 failed`);
  console.error("deno test printed no result line (type-check or load failure above)");
}
Deno.exit(code);
