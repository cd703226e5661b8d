/**
 * check-pr --engine base 编译基准程序时读导入的小词法分析器：只改写真正的导入，跳过字符串、模板、注释和正则表达式；
 * 在本程序的全部源码上与 esbuild 自己的解析结果一致。
 * The lexer that finds and rewrites the imports when check-pr --engine base compiles a base
 * engine (scripts/pr/compile-engine.ts): it rewrites real imports only, stepping over strings,
 * templates, comments and regular expressions, and on every source of this engine it finds exactly
 * the imports esbuild's own parser finds.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { rewriteImports } from '../scripts/pr/compile-engine.ts';
import { ENGINE_ROOT } from './helpers.ts';

describe('rewriteImports (scripts/pr/compile-engine.ts)', () => {
  it('rewrites relative .ts imports of every form to .js, and nothing that only looks like one', () => {
    const code = [
      'import { a } from "./a.ts";',
      'import {',
      '  b,',
      '  c',
      '} from "../b.ts";',
      'import "./side.ts";',
      'export * from "./star.ts";',
      'import raw from "chinese-days/dist/chinese-days.json" with { type: "json" };',
      'import { readFileSync } from "node:fs";',
      'import { x } from "#engine/core/finding";',
      'const later = () => import("./later.ts");',
      'const text = `x',
      'import { z } from "./in-template.ts";',
      '${a ? `nested ${"./n.ts"}` : import("./in-substitution.ts")}`;',
      "const s = 'import(\"./in-string.ts\")';",
      '// import { c } from "./in-comment.ts";',
      '/* export * from "./in-block.ts"; */',
      'const re = /from "\\.\\/in-regex.ts"[\'"]/g;',
      'const half = (a + 1) / 2 / c;',
      'obj.import("./a-method.ts");',
      'function f() { return /["`]/.test(s) ? { k: `}` } : {}; }',
    ].join('\n');
    const r = rewriteImports(code)!;
    expect(r).toBeDefined();
    expect(r.imports).toEqual(['./a.js', '../b.js', './side.js', './star.js', 'chinese-days/dist/chinese-days.json', 'node:fs', '#engine/core/finding', './later.js', './in-substitution.js']);
    expect(r.code).toContain('from "./a.js"');
    expect(r.code).toContain('} from "../b.js"');
    expect(r.code).toContain('import "./side.js"');
    expect(r.code).toContain('import("./later.js")');
    expect(r.code).toContain('import("./in-substitution.js")');
    // text that only looks like an import is left exactly as written
    for (const kept of ['import { z } from "./in-template.ts";', '"./n.ts"', `'import("./in-string.ts")'`, '"./in-comment.ts"', '"./in-block.ts"', 'in-regex.ts', 'obj.import("./a-method.ts")']) expect(r.code).toContain(kept);
    expect(r.code.length).toBe(code.length);
  });

  it('gives up, rather than guess, where the code does not close', () => {
    for (const broken of ['const s = "open;\n', 'const t = `open ${a}', 'f({ a: 1 );', '/* open', 'const r = /open\n/;']) expect(rewriteImports(broken), broken).toBeUndefined();
  });

  it("finds exactly the imports esbuild's parser finds, in every source file of this engine", async () => {
    const { sourceFiles } = (await import(path.join(ENGINE_ROOT, 'scripts', 'dist.mjs'))) as { sourceFiles: () => string[] };
    const sources = sourceFiles().map((s) => path.join(ENGINE_ROOT, s));
    const tsconfigRaw = readFileSync(path.join(ENGINE_ROOT, 'tsconfig.json'), 'utf8');
    const common = { entryPoints: sources, write: false, format: 'esm', platform: 'node', target: `node${process.versions.node}`, tsconfigRaw, absWorkingDir: ENGINE_ROOT, logLevel: 'silent' } as const;
    // as compileEngine prints each file, and esbuild's own list of each file's imports
    const [printed, parsed] = await Promise.all([
      build({ ...common, bundle: false, charset: 'utf8', outdir: path.join(ENGINE_ROOT, 'dist'), outbase: ENGINE_ROOT }),
      build({ ...common, bundle: true, external: ['*'], metafile: true, outdir: path.join(ENGINE_ROOT, 'dist') }),
    ]);
    expect(printed.outputFiles).toHaveLength(sources.length);
    const mine = new Map(printed.outputFiles.map((f) => [path.relative(path.join(ENGINE_ROOT, 'dist'), f.path), rewriteImports(f.text)]));
    let imports = 0;
    for (const [rel, input] of Object.entries(parsed.metafile.inputs)) {
      const want = [...new Set(input.imports.map((i) => i.original ?? i.path).map((p) => (/^\.\.?\//.test(p) && p.endsWith('.ts') ? p.slice(0, -3) + '.js' : p)))].sort();
      const got = mine.get(rel.replace(/\.ts$/, '.js'));
      expect(got, rel).toBeDefined();
      expect([...new Set(got!.imports)].sort(), rel).toEqual(want);
      imports += want.length;
    }
    expect(Object.keys(parsed.metafile.inputs)).toHaveLength(sources.length);
    expect(imports).toBeGreaterThan(500);
  });
});
