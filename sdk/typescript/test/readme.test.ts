// The README's quickstart works as written: its block runs against the test gateway, importing the package by name.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { env } from "./support.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

test("the README's quickstart runs verbatim and pays, reads back and lists", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const block = /## Quickstart[\s\S]*?```js\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(block, "a js block under ## Quickstart");
  assert.ok(block.trim().split("\n").length <= 10, "ten lines at most");
  // inside the package, so "@billpay/sdk" resolves to this package by its own name (as in a project that installed it)
  const script = join(root, "dist", "readme-quickstart.mjs");
  writeFileSync(script, block);
  const out = execFileSync(process.execPath, [script], { env: { ...process.env, BILLPAY_URL: env.url }, encoding: "utf8" });
  assert.match(out, /^paid pay_[0-9A-Z]{26} \w+ 12550 USD$/m);
  assert.match(out, /^read back pay_[0-9A-Z]{26} \w+$/m);
  const paid = /^paid (pay_\S+)/m.exec(out)![1];
  const listed = [...out.matchAll(/^listed (pay_\S+)/gm)].map((m) => m[1]);
  assert.ok(listed.length >= 1 && listed.length <= 5, out);
  assert.equal(listed[0], paid, "newest first: the payment just made");
});
