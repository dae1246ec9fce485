// @ts-check
/**
 * The layering rule: every module a file names (static and type-only imports, re-exports, dynamic `import()`,
 * `require()`, `import x = require()`, `import('x').T` types, `new URL('./x', import.meta.url)` and triple-slash
 * references) must be on its layer's allow-list. Layers and the classification of packages come in the options
 * (eslint/layers.js holds Targum's).
 */
import { builtinModules } from 'node:module';
import path from 'node:path';

/** @typedef {import('./layers.js').Layer} Layer */
/** @typedef {{ layers: Layer[], packageLayers: Record<string, string[]> }} Options */

const builtins = new Set(builtinModules);

/** @param {string} specifier */
const isNodeBuiltin = (specifier) => specifier.startsWith('node:') || builtins.has(specifier.split('/')[0] ?? specifier);

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
const packageName = (/** @type {string} */ specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

const isPath = (/** @type {string} */ specifier) => specifier === '.' || specifier === '..' || /^\.{1,2}\//.test(specifier) || path.isAbsolute(specifier);

const toPosix = (/** @type {string} */ file) => file.split(path.sep).join('/');

const within = (/** @type {string} */ file, /** @type {string} */ folder) => file === folder || file.startsWith(`${folder}/`);

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: "Each layer imports only the folders and packages on its allow-list, in every form of import" },
    schema: [
      {
        type: 'object',
        properties: { layers: { type: 'array' }, packageLayers: { type: 'object' } },
        required: ['layers', 'packageLayers'],
        additionalProperties: false,
      },
    ],
    messages: {
      folder: "{{layer}} may not import {{target}} ('{{specifier}}'). {{allowed}}",
      builtin: "{{layer}} runs without Node: no Node built-in ('{{specifier}}'). {{allowed}}",
      package: "{{layer}} may not use the package {{package}} ('{{specifier}}'), which runs only in {{packageLayers}}. {{allowed}}",
      unclassified:
        "The package {{package}} ('{{specifier}}') is not classified: add it to package.json and to eslint/layers.js with the layers it may run in.",
      computed: '{{layer}} names a module by a computed expression, which the layering cannot check: name it with a string literal.',
      noLayer: '{{file}} is in no layer: every folder of src/ is a layer listed in eslint/layers.js.',
      referenceLib: '{{layer}} takes its libraries from tsconfig.json files, not from a /// <reference lib> comment.',
    },
  },

  create(context) {
    const { layers, packageLayers } = /** @type {Options} */ (context.options[0]);
    const root = context.cwd;
    const file = toPosix(path.relative(root, context.filename));
    if (file.startsWith('..') || path.isAbsolute(file)) return {};
    const layer = layers.find((candidate) => within(file, candidate.folder));

    /** What the layer may use, said in every message that refuses something. */
    const allowed = () => {
      if (!layer) return '';
      const packages = Object.keys(packageLayers).filter((name) => !name.startsWith('@types/') && packageLayers[name]?.includes(layer.folder));
      return `${layer.folder} (${layer.runsIn}) may import ${layer.mayImport.join(', ')}${layer.node ? ', Node built-ins' : ''} and the packages ${packages.join(', ') || '(none)'}.`;
    };

    /**
     * @param {import('estree').Node | import('estree').Comment} node
     * @param {unknown} source a Literal or TemplateLiteral naming the module, or another expression
     */
    function check(node, source) {
      const specifier = literalValue(source);
      if (specifier === undefined) {
        if (layer) report(node, 'computed', { layer: layer.folder });
        return;
      }
      checkSpecifier(node, specifier);
    }

    /**
     * @param {import('estree').Node | import('estree').Comment} node
     * @param {string} messageId
     * @param {Record<string, string>} data
     */
    const report = (node, messageId, data) => context.report({ loc: /** @type {import('estree').SourceLocation} */ (node.loc), messageId, data });

    /**
     * @param {import('estree').Node | import('estree').Comment} node
     * @param {string} specifier
     * @param {string} shown how the file names it, for the message
     */
    function checkSpecifier(node, specifier, shown = specifier) {
      const data = { layer: layer?.folder ?? '', specifier: shown, allowed: allowed() };
      if (isPath(specifier)) {
        if (!layer) return;
        const target = toPosix(path.relative(root, path.resolve(path.dirname(context.filename), specifier)));
        if (layer.mayImport.some((folder) => within(target, folder))) return;
        const targetLayer = layers.find((candidate) => within(target, candidate.folder));
        report(node, 'folder', { ...data, target: targetLayer?.folder ?? target });
        return;
      }
      if (isNodeBuiltin(specifier)) {
        if (layer && !layer.node) report(node, 'builtin', data);
        return;
      }
      const name = packageName(specifier);
      const where = packageLayers[name];
      if (!where) {
        report(node, 'unclassified', { ...data, package: name });
        return;
      }
      if (layer && !where.includes(layer.folder)) {
        report(node, 'package', { ...data, package: name, packageLayers: where.length ? where.join(', ') : 'tests, scripts and configuration' });
      }
    }

    /** @param {any} node */
    const checkSource = (node) => {
      if (node.source) check(node, node.source);
    };

    return {
      Program(node) {
        if (!layer && file.startsWith('src/')) context.report({ node, messageId: 'noLayer', data: { file } });
        for (const comment of context.sourceCode.getAllComments()) {
          const reference = /^\/\s*<reference\s+(types|path|lib)\s*=\s*["']([^"']+)["']/.exec(comment.value);
          if (!reference) continue;
          const [, kind, name = ''] = reference;
          if (kind === 'lib') {
            if (layer) report(comment, 'referenceLib', { layer: layer.folder });
          } else if (kind === 'path') checkSpecifier(comment, name.startsWith('.') ? name : `./${name}`, `//${comment.value}`);
          // `types="node"` is Node's own types, which only layers with Node may see.
          else checkSpecifier(comment, name === 'node' ? 'node:' : name, `//${comment.value}`);
        }
      },
      ImportDeclaration: checkSource,
      ExportAllDeclaration: checkSource,
      ExportNamedDeclaration: checkSource,
      ImportExpression: checkSource,
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node, node.arguments[0]);
      },
      /** @param {any} node `import x = require('x')` */
      TSExternalModuleReference(node) {
        check(node, node.expression);
      },
      /** @param {any} node `new URL('./worker.ts', import.meta.url)`, which bundlers follow */
      NewExpression(node) {
        const [first, second] = node.arguments;
        const importMetaUrl = second?.type === 'MemberExpression' && second.object.type === 'MetaProperty' && second.property.name === 'url';
        const specifier = literalValue(first);
        if (node.callee.type === 'Identifier' && node.callee.name === 'URL' && importMetaUrl && specifier !== undefined && isPath(specifier)) checkSpecifier(node, specifier);
      },
      /** @param {any} node `import('x').T` in a type; older parsers call the literal `argument` */
      TSImportType(node) {
        check(node, node.source ?? node.argument?.literal ?? node.argument);
      },
    };
  },
};

/** The text of a string literal or a template literal without expressions; undefined for anything computed. */
function literalValue(/** @type {any} */ source) {
  if (source?.type === 'Literal' && typeof source.value === 'string') return source.value;
  if (source?.type === 'TemplateLiteral' && source.expressions.length === 0) return source.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}
