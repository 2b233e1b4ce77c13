import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The end-to-end files that take longest (the settings trials launch 20 fresh browsers each),
 * in the order they are started, so that the quick files fill the other workers meanwhile
 * instead of leaving a long file to run alone at the end.
 */
const LONGEST = ['firefox-settings.test.ts', 'settings.test.ts', 'page-safety.test.ts'];

const rank = (file: TestSpecification): number => {
  const index = LONGEST.findIndex((name) => file.moduleId.endsWith(`/${name}`));
  return index < 0 ? LONGEST.length : index;
};

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...(await super.sort(files))].sort((a, b) => rank(a) - rank(b));
  }
}
