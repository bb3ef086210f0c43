// Converts a Salesforce DX source folder to Metadata API format with Salesforce's own source tooling
// (@salesforce/source-deploy-retrieve, what `sf project deploy start` runs first) and prints, as one JSON line, the
// components it found ("Type:FullName") and the generated package.xml path. Exit 1 with the tool's message on failure.
// Usage: node convert.mjs <source folder, e.g. infra/salesforce/force-app> <output folder>
// undici is pinned to 6.x (package.json "overrides"): the 8.x that SDR's jsforce pulls in needs Node 22 (zstd).
import sdr from '@salesforce/source-deploy-retrieve';

const { ComponentSet, MetadataConverter } = sdr;
const [source, output] = process.argv.slice(2);
if (!source || !output) {
  console.error('usage: node convert.mjs <source folder> <output folder>');
  process.exit(2);
}

try {
  const components = ComponentSet.fromSource(source);
  const result = await new MetadataConverter().convert(components, 'metadata', { type: 'directory', outputDirectory: output, genUniqueDir: false });
  const names = components.toArray().map(c => `${c.type.name}:${c.fullName}`).sort();
  console.log(JSON.stringify({ components: names, packagePath: result.packagePath }));
} catch (e) {
  console.error(`${e.name}: ${e.message}`);
  process.exit(1);
}
