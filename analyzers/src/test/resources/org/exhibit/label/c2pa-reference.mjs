// Re-runs the C2PA reference (c2pa-rs, as @contentauth/c2pa-wasm) on the fixtures C2paValidationTest writes with
// -Dc2pa.dump=DIR, and prints c2pa-reference.json. Not part of the build:
//   npm install --prefix /tmp/c2paref @contentauth/c2pa-wasm@0.13.3
//   NODE_PATH=/tmp/c2paref/node_modules node c2pa-reference.mjs DIR/trust.pem DIR/*.png DIR/*.jpg DIR/*.webp CHATGPT.png
// Settings: the C2PA 2.x signer EKUs (the wasm build's default list lacks documentSigning and claimSigning, so it
// calls the ChatGPT signer's certificate invalid) and the fixtures' test root as the only trust anchor.
import { createRequire } from 'module';
import fs from 'fs';
import path from 'path';
const require = createRequire(path.join(process.env.NODE_PATH || '.', 'x.js'));
const pkg = path.dirname(require.resolve('@contentauth/c2pa-wasm/package.json'));
const { initSync, WasmReader } = await import(path.join(pkg, 'pkg', 'c2pa.js'));
initSync({ module: fs.readFileSync(path.join(pkg, 'pkg', 'c2pa_bg.wasm')) });
const mime = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp', mp4: 'video/mp4' };
const ekus = ['1.3.6.1.5.5.7.3.4', '1.3.6.1.5.5.7.3.36', '1.3.6.1.5.5.7.3.8', '1.3.6.1.5.5.7.3.9',
  '1.3.6.1.4.1.311.76.59.1.9', '1.3.6.1.4.1.62558.2.1'].join('\n') + '\n';
const [trustFile, ...files] = process.argv.slice(2);
const ctx = JSON.stringify({ trust: { trust_config: ekus, trust_anchors: fs.readFileSync(trustFile, 'utf8') } });
const fixtures = {};
for (const f of files) {
  const name = path.basename(f);
  try {
    const r = await WasmReader.fromBytes(mime[name.split('.').pop()], new Uint8Array(fs.readFileSync(f)), ctx);
    const j = JSON.parse(r.json());
    const a = (j.validation_results || {}).activeManifest || {};
    const codes = k => (a[k] || []).map(x => x.code).sort();
    const e = { state: j.validation_state, success: codes('success'), informational: codes('informational'),
      failure: codes('failure') };
    const deltas = (j.validation_results || {}).ingredientDeltas || [];
    if (deltas.length) {
      e.ingredientSuccess = deltas.flatMap(d => (d.validationDeltas.success || []).map(x => x.code)).sort();
      e.ingredientFailure = deltas.flatMap(d => (d.validationDeltas.failure || []).map(x => x.code)).sort();
    }
    fixtures[name] = e;
  } catch (err) { fixtures[name] = { error: String(err) }; }
}
console.log(JSON.stringify({ reference: '@contentauth/c2pa-wasm 0.13.3 (c2pa-rs), C2PA 2.x signer EKUs, '
  + 'trust anchor c2pa-test-root.pem', fixtures }, null, 1));
