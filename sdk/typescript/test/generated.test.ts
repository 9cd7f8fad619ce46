// Generated code stays generated: the generators run again on the contract and must write the committed files.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const contract = join(root, "..", "..", "src", "main", "resources", "openapi.yaml");

test("src/generated is what npm run generate makes from src/main/resources/openapi.yaml", () => {
  const out = mkdtempSync(join(tmpdir(), "billpay-sdk-gen-"));
  const cli = join(root, "node_modules", "openapi-typescript", "bin", "cli.js");
  execFileSync(process.execPath, [cli, contract, "-o", join(out, "openapi.ts")], { cwd: root, stdio: "pipe" });
  execFileSync(process.execPath, [join(root, "scripts", "generate-operations.mjs"), contract, join(out, "operations.ts")], { cwd: root });
  for (const file of ["openapi.ts", "operations.ts", "problems.ts"]) {
    assert.ok(
      readFileSync(join(out, file), "utf8") === readFileSync(join(root, "src", "generated", file), "utf8"),
      `src/generated/${file} is stale: run npm run generate in sdk/typescript after changing openapi.yaml`,
    );
  }
});
