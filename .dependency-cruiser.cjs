/* global module */
/**
 * The import-cycle check (`npm run check:cycles`, part of `npm test`): no module in src/ may reach itself
 * through its imports. Type-only imports count (tsPreCompilationDeps), so a cycle cannot hide behind
 * `import type`.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle ties its modules together: none of them can be understood, tested or moved alone.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
