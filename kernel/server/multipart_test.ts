import assert from "node:assert/strict";
import { multipartBoundary, MultipartError, readMultipart } from "./multipart.ts";

/** A body as the platform's FormData serialises it, with its boundary. */
async function encoded(form: FormData): Promise<{ body: Uint8Array; boundary: string }> {
  const request = new Request("http://x/", { method: "POST", body: form });
  const boundary = multipartBoundary(request.headers.get("content-type")!)!;
  return { body: new Uint8Array(await request.arrayBuffer()), boundary };
}

Deno.test("files and fields come back byte for byte, whatever they contain", async () => {
  const tricky = new TextEncoder().encode("a,b\r\n--\r\n\r\n--not-the-boundary\r\n1,2\r\n");
  const binary = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7919) & 255);
  const form = new FormData();
  form.append("files", new File([tricky], 'we"ird name.csv'));
  form.append("files", new File([binary], "b.bin"));
  form.append("files", new File([], "empty.csv"));
  form.append("note", "plain text");
  const { body, boundary } = await encoded(form);
  const parts = readMultipart(body, boundary);
  assert.deepEqual(parts.map((p) => [p.name, p.filename, p.data.length]), [
    ["files", 'we"ird name.csv', tricky.length],
    ["files", "b.bin", binary.length],
    ["files", "empty.csv", 0],
    ["note", null, 10],
  ]);
  assert.deepEqual(parts[0].data, tricky);
  assert.deepEqual(parts[1].data, binary);
  assert.equal(new TextDecoder().decode(parts[3].data), "plain text");
});

Deno.test("a body cut off or garbled is refused", async () => {
  const form = new FormData();
  form.append("files", new File(["1,2\n3,4\n"], "a.csv"));
  const { body, boundary } = await encoded(form);
  for (const cut of [body.length - 5, body.length - 40, 30, 0]) {
    assert.throws(() => readMultipart(body.subarray(0, cut), boundary), MultipartError, `cut at ${cut}`);
  }
  assert.throws(() => readMultipart(new TextEncoder().encode("garbage"), "x"), MultipartError);
  const noDisposition = new TextEncoder().encode("--x\r\nContent-Type: text/plain\r\n\r\nabc\r\n--x--\r\n");
  assert.throws(() => readMultipart(noDisposition, "x"), /not form-data/);
});

Deno.test("the boundary is read from the content type", () => {
  assert.equal(multipartBoundary('multipart/form-data; boundary="a b"'), "a b");
  assert.equal(multipartBoundary("multipart/form-data; charset=utf-8; boundary=xyz"), "xyz");
  assert.equal(multipartBoundary("multipart/form-data"), null);
  assert.equal(multipartBoundary("application/json; boundary=x"), null);
});
