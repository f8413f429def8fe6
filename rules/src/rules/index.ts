import type { LogicRule } from '../rule.js';
import ageLimit from './age-limit.js';
import blacksWhites from './blacks-whites.js';
import genericPronoun from './generic-pronoun.js';
import invalid from './invalid.js';
import nationalityForLanguage from './nationality-for-language.js';
import qualificationEquivalent from './qualification-equivalent.js';
import recentStudy from './recent-study.js';
import yearsExperience from './years-experience.js';

/** Every logic rule, one file each. Add a new rule's import here. */
export const logicRules: LogicRule[] = [ageLimit, yearsExperience, blacksWhites, invalid, nationalityForLanguage, qualificationEquivalent, genericPronoun, recentStudy];
