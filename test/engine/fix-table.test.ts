import { describe, expect, it } from 'vitest';
import { createLinter, type DocumentKind } from '@fairword/rules';
import { fixText } from '../../cli/src/fix.js';

// What --fix, Fix all and fix on save do to whole sentences, written by the team. A fix is made only where it is
// certain to read right; a row whose "after" equals its "before" must stay as it is (the finding is still shown, and
// its suggestions are offered for a person to choose).
const linter = createLinter();
const fix = (text: string, kind: DocumentKind): string => fixText(text, (t) => linter.lint(t, { format: 'plaintext', kind })).text;

type Row = [before: string, after: string, kind?: DocumentKind];

const rows: Row[] = [
  // Wheelchairs: the verb goes with the phrase, and a person described as wheelchair-bound becomes one who uses a wheelchair.
  ['Some older residents are confined to a wheelchair.', 'Some older residents use wheelchairs.'],
  ['My father is confined to a wheelchair.', 'My father uses a wheelchair.'],
  ['She was confined to a wheelchair for a year.', 'She used a wheelchair for a year.'],
  ['They were wheelchair-bound after the accident.', 'They used wheelchairs after the accident.'],
  ["He's wheelchair-bound.", "He's wheelchair-bound."],
  ['The building is not suitable for wheelchair-bound visitors.', 'The building is not suitable for visitors who use a wheelchair.'],
  ['A wheelchair-bound visitor arrived early.', 'A visitor who uses a wheelchair arrived early.'],
  ['Wheelchair-bound patients can use the lift.', 'Patients who use a wheelchair can use the lift.'],
  ['Many people confined to a wheelchair use this entrance.', 'Many people confined to a wheelchair use this entrance.'],
  ['Being wheelchair-bound is not a barrier here.', 'Being wheelchair-bound is not a barrier here.'],
  // Conditions: a noun used as a modifier, and people after a preposition.
  ['Our diabetics clinic runs every Tuesday.', 'Our diabetes clinic runs every Tuesday.'],
  ['The epileptics service has moved.', 'The epilepsy service has moved.'],
  ['The clinic is for diabetics and epileptics.', 'The clinic is for people with diabetes and people with epilepsy.'],
  ['Advice for asthmatics is on page 4.', 'Advice for people with asthma is on page 4.'],
  ['Diabetics should check their feet.', 'Diabetics should check their feet.'],
  ['Our diabetics are seen every six months.', 'Our diabetics are seen every six months.'],
  ['Many patients suffer from diabetes.', 'Many patients have diabetes.'],
  ['She suffers from depression.', 'She has depression.'],
  ['He suffered from a stroke last year.', 'He suffered from a stroke last year.'],
  ['He suffered from asthma as a child.', 'He had asthma as a child.'],
  ['The service suffers from a lack of funding.', 'The service suffers from a lack of funding.'],
  ['Half of the group suffer anxiety.', 'Half of the group have anxiety.'],
  ['The leaflet is for sufferers and their families.', 'The leaflet is for sufferers and their families.'],
  ['We support the mentally ill to stay in work.', 'We support people with a mental health condition to stay in work.'],
  ['Mentally ill patients are seen on Ward 3.', 'Patients with a mental health condition are seen on Ward 3.'],
  ['Her brother is mentally ill.', 'Her brother has a mental health condition.'],
  ['The inquest heard about a mentally ill man.', 'The inquest heard about a man with a mental health condition.'],
  ['The unit cared for mentally handicapped adults.', 'The unit cared for adults with a learning disability.'],
  // Disability.
  ['We make our buildings accessible to the disabled.', 'We make our buildings accessible to disabled people.'],
  ['The disabled deserve better access.', 'Disabled people deserve better access.'],
  ['The scheme helps handicapped children.', 'The scheme helps disabled children.'],
  ['It was built for the handicapped.', 'It was built for disabled people.'],
  ['There is an accessible toilet and a disabled shower.', 'There is an accessible toilet and a disabled shower.'],
  ['Disabled parking is next to the main entrance.', 'Accessible parking is next to the main entrance.'],
  ['Use the disabled WC by the lift.', 'Use the accessible WC by the lift.'],
  ['The disabled toilets are on the ground floor.', 'The accessible toilets are on the ground floor.'],
  ['Disabled access is via the side door.', 'Disabled access is via the side door.'],
  ['He came home blind drunk.', 'He came home very drunk.'],
  ['Their concerns fell on deaf ears.', 'Their concerns fell on deaf ears.'],
  ['Applicants must be able-bodied.', 'Applicants must be able-bodied.'],
  ['Staff with disabilities can ask for adjustments.', 'Staff with disabilities can ask for adjustments.'],
  // Age: determiners go with "the elderly"; before a noun "elderly" becomes "older".
  ['We run a falls clinic for the elderly.', 'We run a falls clinic for older people.'],
  ['The elderly are most at risk.', 'Older people are most at risk.'],
  ['Our volunteers visit elderly residents at home.', 'Our volunteers visit older residents at home.'],
  ['Elderly patients wait longest.', 'Older patients wait longest.'],
  ['Many elderly people live alone.', 'Many older people live alone.'],
  ['The elderly people of the town were asked.', 'The older people of the town were asked.'],
  ['We support the mentally ill people in our care.', 'We support the people with a mental health condition in our care.'],
  ['Our elderly need more support.', 'Our elderly need more support.'],
  ['Discounts for OAPs every Tuesday.', 'Discounts for older people every Tuesday.'],
  ['The café is popular with senior citizens.', 'The café is popular with older people.'],
  ['A senior citizen won the raffle.', 'A senior citizen won the raffle.'],
  ['Pensioners in the scheme get a statement.', 'Pensioners in the scheme get a statement.'],
  ['This post would suit a recent graduate.', 'This post would suit a graduate.', 'job-advert'],
  ['We welcome new graduates.', 'We welcome graduates.', 'job-advert'],
  ['We welcome school leavers.', 'We welcome school leavers.', 'job-advert'],
  ['We are looking for a digital native to run our social media.', 'We are looking for someone comfortable using digital tools to run our social media.', 'job-advert'],
  ['You will be digitally native.', 'You will be comfortable using digital tools.', 'job-advert'],
  ['We want digital natives.', 'We want people comfortable using digital tools.', 'job-advert'],
  ['We are a young and dynamic team.', 'We are a young and dynamic team.', 'job-advert'],
  ['You will be a highly experienced practice manager.', 'You will be a highly experienced practice manager.', 'job-advert'],
  ['Applicants must have no gaps in employment.', 'Applicants must have no gaps in employment.', 'job-advert'],
  // Sex and gender: "they" takes a plural verb, so "he/she" is replaced only before a verb that does not change.
  ['The chairman will open the meeting.', 'The chair will open the meeting.'],
  ['Our Chairman thanked the volunteers.', 'Our Chair thanked the volunteers.'],
  ['We are recruiting a salesman for our pharmacy.', 'We are recruiting a salesperson for our pharmacy.'],
  ['Groundsman wanted for a busy school.', 'Groundsperson wanted for a busy school.', 'job-advert'],
  ['The foreman signs off each shift.', 'The supervisor signs off each shift.'],
  ['Ask the headmaster for a form.', 'Ask the headteacher for a form.'],
  ['Two firemen attended.', 'Two firefighters attended.'],
  ['Our spokesman will answer press calls.', 'Our spokesperson will answer press calls.'],
  // One person who spoke: the title of their office is reported, not set.
  ['A spokesman said the ward would reopen.', 'A spokesman said the ward would reopen.'],
  ['Under his chairmanship the board grew.', 'Under his chairmanship the board grew.'],
  ['A waitress brought the tea.', 'A waitress brought the tea.'],
  ['The post-holder will manage his/her own caseload.', 'The post-holder will manage their own caseload.'],
  ['He/she will report to the ward manager.', 'They will report to the ward manager.'],
  ['The manager must tell him or her the outcome.', 'The manager must tell them the outcome.'],
  ['If he or she needs to leave early, ask.', 'If they need to leave early, ask.'],
  ['If he/she is unwell, the manager must be told.', 'If he/she is unwell, the manager must be told.'],
  ['The Chair shall ensure that he is present.', 'The Chair shall ensure that he is present.', 'policy'],
  ['The Chair must ensure that he will attend.', 'The Chair must ensure that they will attend.', 'policy'],
  ['Each member must declare his interests.', 'Each member must declare their interests.', 'policy'],
  ['The candidate should introduce himself or herself.', 'The candidate should introduce themselves.'],
  ['The reception desk is manned from 8am to 6pm.', 'The reception desk is staffed from 8am to 6pm.'],
  ['We need someone to man the phones.', 'We need someone to answer the phones.'],
  ['The project took 400 man hours.', 'The project took 400 staff hours.'],
  ['We have two male nurses on the ward.', 'We have two male nurses on the ward.'],
  // Ethnicity: capitals, and BAME only where it stands before a noun.
  ['We spoke to black staff about their experience.', 'We spoke to Black staff about their experience.'],
  ['Meetings are open to white allies.', 'Meetings are open to White allies.'],
  ['The black community asked for this.', 'The Black community asked for this.'],
  ['We want more BAME staff on our panels.', 'We want more ethnic minority staff on our panels.'],
  ['BME candidates are less likely to be appointed.', 'Ethnic minority candidates are less likely to be appointed.'],
  ['Our BAME colleagues led the review.', 'Our ethnic minority colleagues led the review.'],
  ['Representation of BAME is too low.', 'Representation of BAME is too low.'],
  ['Speak to our BAME Staff Network.', 'Speak to our BAME Staff Network.'],
  ['We work with Gypsy/Traveller communities.', 'We work with Gypsy and Traveller communities.'],
  ['Gypsies and travellers face barriers.', 'Gypsies and Travellers face barriers.'],
  ['Staff of different races took part.', 'Staff from different ethnic groups took part.'],
  ['We welcome applicants of any race.', 'We welcome applicants of any ethnicity.', 'general'],
  ['People of colour make up 44% of our staff.', 'People of colour make up 44% of our staff.'],
  ['We will work with hard-to-reach communities.', 'We will work with under-served communities.'],
  ['Families who are hard to reach need outreach.', 'Families who are hard to reach need outreach.'],
  ['Staff who are mixed race took part.', 'Staff who are mixed race took part.'],
  // Health.
  ['Her brother committed suicide last year.', 'Her brother died by suicide last year.'],
  ['Nobody should feel they have to commit suicide.', 'Nobody should feel they have to die by suicide.'],
  ['It was a failed suicide attempt.', 'It was a suicide attempt.'],
  ['It has been a crazy winter on the wards.', 'It has been a crazy winter on the wards.'],
  ['Come along to our mental health cafe.', 'Come along to our mental health cafe.', 'health-information'],
  ['Support is available for transgendered staff.', 'Support is available for transgender staff.'],
  ['We do not discriminate on the basis of sexual preference.', 'We do not discriminate on the basis of sexual orientation.'],
  ['Our service supports junkies and alcoholics.', 'Our service supports people who use drugs and people with an alcohol dependency.'],
  ['He is an alcoholic.', 'He is a person with an alcohol dependency.'],
  // Recruitment criteria: fixes that would change what the job asks for are left to the writer.
  ['A clean UK driving licence and own car are essential.', 'A clean UK driving licence and own car are essential.', 'job-advert'],
  ['The ideal candidate is a native English speaker.', 'The ideal candidate is a native English speaker.', 'job-advert'],
  ['Applicants must have English as a first language.', 'Applicants must have English as a first language.', 'job-advert'],
  ['Perfect English is essential.', 'Clear English is essential.', 'job-advert'],
  ['You will need to fit in with the team.', 'You will need to work well with the team.', 'job-advert'],
  ['We assess every candidate for culture fit.', 'We assess every candidate for culture fit.', 'job-advert'],
  ['You must be physically fit.', 'You must be physically fit.', 'job-advert'],
  ['Are you well-spoken and reliable?', 'Are you well-spoken and reliable?', 'job-advert'],
  ['We are looking for a Polish carer for a client in Ealing.', 'We are looking for a Polish-speaking carer for a client in Ealing.', 'job-advert'],
  ['The survey compared Blacks and Whites in the same jobs.', 'The survey compared Black people and White people in the same jobs.'],
];

describe('fixes read right in their sentence', () => {
  it('has at least 100 rows', () => expect(rows.length).toBeGreaterThanOrEqual(100));
  it.each(rows)('%s', (before, after, kind = 'general') => {
    expect(fix(before, kind)).toBe(after);
  });
});
