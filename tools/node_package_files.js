// Prints the folders (relative to the repository root) of a package (argv[3]: dynalite, kinesalite) and every
// package it needs at run time, resolved from package-lock.json as Node resolves them: what the local runtime
// packs to run that server anywhere.
const lock = require(require('path').resolve(process.argv[2] || '.', 'package-lock.json'));
const packages = lock.packages;
// argv[4]: packages left out, comma-separated: those the server requires only for options the runtime never
// passes (kinesalite's leveldown, for --path).
const without = new Set((process.argv[4] || '').split(',').filter(Boolean).map(n => 'node_modules/' + n));
const seen = new Set();
function resolve(from, name) {
  for (let dir = from; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/node_modules/')))) {
    const candidate = (dir ? dir + '/' : '') + 'node_modules/' + name;
    if (packages[candidate]) return candidate;
    if (!dir) return null;
  }
}
function visit(path) {
  if (seen.has(path) || without.has(path)) return;
  seen.add(path);
  const deps = Object.assign({}, packages[path].dependencies, packages[path].optionalDependencies);
  for (const name of Object.keys(deps)) {
    const found = resolve(path, name);
    if (found) visit(found);
    else if (!(packages[path].optionalDependencies || {})[name]) throw new Error(path + ' needs ' + name);
  }
}
visit('node_modules/' + process.argv[3]);
console.log([...seen].sort().join('\n'));
