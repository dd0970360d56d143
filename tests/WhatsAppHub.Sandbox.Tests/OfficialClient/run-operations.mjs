// Calls every EUM operation once with the official AWS JavaScript client
// (@aws-sdk/client-socialmessaging, a test-only oracle) against an endpoint, and prints one JSON line
// per operation: {"operation","ok","output"} or {"operation","ok":false,"error":{name,message,httpStatusCode}}.
//
// Inputs: operation-inputs.json next to this file, keyed by operation name in the client's input
// shape (model member names; blob members as Base64 strings, turned into Uint8Array here). The file's
// key order is the call order.
//
// Environment: SANDBOX_URL (required), AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION
// (default us-east-1), OPERATIONS (optional comma-separated subset).
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

function repoRoot(start) {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "WhatsAppHub.sln"))) return dir;
    if (dirname(dir) === dir) throw new Error(`No WhatsAppHub.sln above ${start}`);
  }
}

const modules = join(repoRoot(here), "emulators", "node_modules");
const packageJson = join(modules, "@aws-sdk", "client-socialmessaging", "package.json");
if (!existsSync(packageJson)) {
  console.error(`@aws-sdk/client-socialmessaging is not installed under ${modules}; run: npm ci --prefix emulators`);
  process.exit(3);
}
const requireFromEmulators = createRequire(packageJson);
const sdk = requireFromEmulators("@aws-sdk/client-socialmessaging");

// Members whose model type is blob: the client wants bytes, the JSON file holds Base64.
const blobMembers = {
  SendWhatsAppMessage: ["message"],
  CreateWhatsAppMessageTemplate: ["templateDefinition"],
  UpdateWhatsAppMessageTemplate: ["templateComponents"],
};

const endpoint = process.env.SANDBOX_URL;
if (!endpoint) {
  console.error("SANDBOX_URL is required");
  process.exit(2);
}

const client = new sdk.SocialMessagingClient({
  endpoint,
  region: process.env.AWS_REGION || "us-east-1",
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID || "",
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY || "",
  },
  maxAttempts: 1, // one request per operation, so the sandbox's log can be counted
});

const inputs = JSON.parse(readFileSync(join(here, "operation-inputs.json"), "utf8"));
const only = (process.env.OPERATIONS || "").split(",").map((s) => s.trim()).filter(Boolean);

for (const [operation, raw] of Object.entries(inputs)) {
  if (only.length > 0 && !only.includes(operation)) continue;
  const input = structuredClone(raw);
  for (const member of blobMembers[operation] || []) {
    if (typeof input[member] === "string") input[member] = new Uint8Array(Buffer.from(input[member], "base64"));
  }
  const Command = sdk[`${operation}Command`];
  if (!Command) {
    console.log(JSON.stringify({ operation, ok: false, error: { name: "MissingCommand", message: `${operation}Command not in the client` } }));
    continue;
  }
  try {
    const { $metadata, ...output } = await client.send(new Command(input));
    console.log(JSON.stringify({ operation, ok: true, httpStatusCode: $metadata.httpStatusCode, requestId: $metadata.requestId, output }));
  } catch (e) {
    console.log(JSON.stringify({
      operation,
      ok: false,
      error: { name: e.name, message: e.message, httpStatusCode: e.$metadata?.httpStatusCode, requestId: e.$metadata?.requestId },
    }));
  }
}
