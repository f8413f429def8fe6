import type { LogicRule } from '../rule.js';
import ageLimit from './age-limit.js';
import yearsExperience from './years-experience.js';

/** Every logic rule, one file each. Add a new rule's import here. */
export const logicRules: LogicRule[] = [ageLimit, yearsExperience];
