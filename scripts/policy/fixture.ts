// transitional re-export: the fixture kit moved to scripts/dev/fixture.ts (test data, not built)
export * from '../dev/fixture.ts';
