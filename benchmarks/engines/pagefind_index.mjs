// Write a Pagefind bundle of custom records (Pagefind's Node API): for python -m benchmarks.engines.
//   node benchmarks/engines/pagefind_index.mjs RECORDS.json OUTPUT_DIR
// RECORDS.json: [{url, content, language, title}, ...], all of one language.
import { readFile } from "node:fs/promises";
import * as pagefind from "pagefind";

const [recordsFile, outputPath] = process.argv.slice(2);
const records = JSON.parse(await readFile(recordsFile, "utf8"));
const { index, errors } = await pagefind.createIndex({});
if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
for (const record of records) {
  const added = await index.addCustomRecord({
    url: record.url, content: record.content, language: record.language, meta: { title: record.title },
  });
  if (added.errors.length) throw new Error(`pagefind: ${record.url}: ${added.errors.join("; ")}`);
}
const written = await index.writeFiles({ outputPath });
if (written.errors.length) throw new Error(`pagefind: ${written.errors.join("; ")}`);
await pagefind.close();
