import { describe, expect, it } from 'vitest';
import { createLinter, type DocumentKind } from '@fairword/rules';

// Sentences of the kinds that real UK adverts, policies and health pages contain, written by the team. Each row
// gives what a reader should see at information level and above (the Problems panel): `rule "words"`, in text order.
// Grouped by the classes of mistake found on real documents (issue #11).
const linter = createLinter();
const visible = (text: string, kind: DocumentKind): string[] =>
  linter
    .lint(text, { format: 'plaintext', kind })
    .findings.filter((f) => f.scope === 'span' && f.severity !== 'hint')
    .map((f) => `${f.ruleId} "${f.actual}"`);

const cases: Array<[string, DocumentKind, string, string[]]> = [
  // Who the words describe: the applicant and the team, not the people the service supports.
  ['young: the client group', 'job-advert', 'You will help our young people build skills for independent living.', []],
  ['young: care leavers', 'job-advert', 'The service supports young people leaving care across the county.', []],
  ['young: a pupil', 'job-advert', 'She is a bright and polite young woman who loves drawing.', []],
  ['young: the team', 'job-advert', 'Join our young and friendly office team.', ['young "young"']],
  ['young: the applicant', 'job-advert', 'We are looking for a young person to join our reception team.', ['young "young person"']],
  ['young: in a requirement', 'job-advert', 'You will be young, keen and ready to learn.', ['young "young"']],
  ['dynamic: a thing', 'job-advert', 'Staff complete a dynamic risk assessment before each visit.', []],
  ['dynamic: the applicant', 'job-advert', 'We need a dynamic administrator for our busy practice.', ['energetic "dynamic"']],
  ['energetic: residents', 'job-advert', 'Our residents enjoy energetic exercise classes.', []],
  ['mature: applicants', 'job-advert', 'We welcome mature applicants.', ['mature "mature"']],
  ['mature: students', 'job-advert', 'Mature students are welcome on our apprenticeship.', []],
  ['highly experienced: the team', 'job-advert', 'You will be supported by highly experienced colleagues.', []],
  ['highly experienced: the applicant', 'job-advert', 'You will be a highly experienced practice manager.', ['highly-experienced "highly experienced"']],
  ['native speaker: pupils', 'job-advert', "The pupils' mother tongue is Urdu.", []],
  ['native speaker: the applicant', 'job-advert', 'Applicants must be native English speakers.', ['native-speaker "native English speakers"']],
  ['fluent: the children', 'job-advert', 'The children have been fluent in English since they were small.', []],
  ['fluent: no task', 'job-advert', 'Are you fluent in written and spoken English?', ['fluent-english "fluent in written and spoken English"']],
  ['accent', 'job-advert', 'Are you well-spoken and reliable?', ['accent "well-spoken"']],
  // Requirements that depend on the job.
  ['physically fit: a task named', 'job-advert', 'Physically fit and able to lift boxes of up to 15 kg.', []],
  ['physically fit: keeping fit', 'job-advert', 'Our staff gym helps you stay fit and healthy.', []],
  ['physically fit: no task', 'job-advert', 'You must be physically fit and able to support patients.', ['physically-fit "physically fit"']],
  ['driving: desirable', 'job-advert', 'A full driving licence would be an advantage.', []],
  ['driving: if required', 'job-advert', 'Valid driving license (if required for the role).', []],
  ['driving: home care', 'job-advert', "You will travel between clients' homes, so a full driving licence is essential.", []],
  ['driving: the reason given', 'job-advert', 'A full UK driving licence, because driving residents to day centres is part of the role.', []],
  ['driving: the duty', 'job-advert', 'Drive pupils to swimming in the school minibus.\n\nA clean driving licence is essential.', []],
  ['young: every young person', 'job-advert', 'We want every young person in our homes to feel safe.', []],
  ['young: the people we serve', 'job-advert', 'We want our staff to reflect the young people and families we support.', []],
  ['accent: a clause after it', 'person-specification', 'Clear spoken English without a strong accent, so callers understand you.', ['accent "without a strong accent"']],
  ['nationality: a requirement', 'person-specification', 'Nationality: must be a British citizen.', ['nationality-requirement "British citizen"']],
  ['nationality: the right to work', 'job-advert', 'You will need the right to work in the UK; we welcome applicants of any nationality.', []],
  ['nationality for a language, said in the sentence', 'policy', 'A Polish receptionist can greet Polish-speaking families.', ['nationality-for-language "Polish receptionist"']],
  ['nationality of staff in post', 'policy', 'Polish nurses often join Polish-speaking clinics.', []],
  ['race as data', 'general', 'Outcomes were broken down by race and age.', ['race-ethnicity "broken down by race"']],
  ['race in a legal list', 'policy', 'We do not discriminate on grounds of race, religion or disability.', []],
  ['nationality alone, would be ideal', 'job-advert', 'Many pupils speak Greek at home. A Greek national would be ideal.', ['nationality-for-language "Greek national"']],
  ['he: the role named in the sentence before', 'job-description', 'The Site Supervisor runs the daily briefing. He will check permits.', ['generic-pronoun "He"']],
  ['he: a named man in the sentence before', 'job-description', 'Our supervisor, Sam Reid, runs the briefing. He will show you round.', []],
  ['degree: not needed', 'job-advert', "You don't need a degree. Show us what you have built.", []],
  ['degree: an E-numbered criterion', 'person-specification', 'E = essential, D = desirable\n\nE1 Degree in social policy\n\nD1 Experience of outreach', ['qualification-equivalent "Degree"']],
  ['driving: a works van', 'job-advert', 'You will drive one of our vans between repairs.\n\nA full driving licence is essential.', []],
  ['BME in a WRES sentence', 'policy', 'We report WRES indicator 2: the likelihood of White applicants being appointed compared with BME applicants.', []],
  ['terms with their nouns after including', 'policy', 'We will reach hard-to-reach groups, including non-white tenants and OAPs on our estates.', ['hard-to-reach "hard-to-reach groups"', 'people-of-colour "non-white"', 'older-people "OAPs"']],
  ['a bare list of terms after including', 'general', 'Older labels include BAME, non-white, OAPs and hard-to-reach.', []],
  ['pensioner', 'general', 'A pensioner waited an hour for the bus.', ['older-people "pensioner"']],
  ['an ethnic minority herself', 'general', 'As an ethnic minority herself, the nurse knew the barriers.', ['minorities "an ethnic minority herself"']],
  ['mental health in our community', 'health-information', 'Let us talk about mental health in our community at the drop-in.', ['mental-health-community "mental health in our community"']],
  ['a minimum age of adulthood', 'job-advert', 'We are recruiting volunteer drivers aged 18 and over.', []],
  ['an age band', 'job-advert', 'We are recruiting volunteers aged 18 to 30.', ['age-limit "aged 18 to 30"']],
  ['hard to reach, the verb', 'health-information', 'If you find it hard to reach your feet, ask someone to check them.', []],
  ['a label reported', 'health-information', 'Some people stay silent in case they are called crazy.', []],
  ['a policy on when a licence may be asked', 'policy', 'A driving licence may be essential only where driving is part of the job.', []],
  ['minorities after and', 'general', 'Tenants and minorities were not asked.', []],
  ['jargon: a ninja', 'job-advert', 'Are you the marketing ninja we need?', ['jargon-job-title "ninja"']],
  // Possessives, and role titles inside the names of committees.
  ['a possessive job title', 'policy', "The chairman's casting vote decides a tie.", ['gendered-job-title "chairman"']],
  ['a role in a committee', 'policy', 'Report to the Chairman of the Finance and Performance Committee.', ['gendered-job-title "Chairman"']],
  ['a role beside a committee', 'policy', 'The report goes to the Chairman and the Quality Committee.', ['gendered-job-title "Chairman"']],
  ['two names sharing an end', 'general', 'They worked with the Leyton Deaf and the Walthamstow Deaf Associations.', []],
  ['driving: blanket', 'job-advert', 'A clean driving licence is essential.', ['driving-licence "clean driving licence"']],
  ['qualification: grade, no equivalent', 'job-advert', 'You will have GCSE maths at grade 4.', ['qualification-equivalent "GCSE"']],
  ['qualification: equivalent offered', 'job-advert', 'You will have GCSE maths at grade 4 or equivalent.', []],
  ['age limit', 'job-advert', 'You must be 30 years old or younger.', ['age-limit "30 years old or younger"']],
  ['age of someone else', 'job-advert', 'You will help B visit her age-90 grandmother.', []],
  ['years of experience', 'job-advert', 'Must have: 4 years Python experience.', ['years-experience "4 years Python experience"']],
  ['recent study', 'job-advert', 'You will need A levels or further study in the past 3 years.', ['qualification-equivalent "A levels"', 'recent-study "in the past 3 years"']],
  ['fresh blood', 'job-advert', 'We want fresh blood in the team.', ['energetic "fresh blood"']],
  ['digital native', 'job-advert', 'This role suits a digital native.', ['digital-native "a digital native"']],
  // Ethnicity.
  ['BAME spelled out', 'general', 'We met Black Asian and Minority Ethnic staff.', ['bame "Black Asian and Minority Ethnic"']],
  ['BAME spelled out, Asian first', 'general', 'Our Black and Asian minority ethnic colleagues spoke.', ['bame "Black and Asian minority ethnic"']],
  ['BME with an ampersand', 'general', 'It supports Black & Minority Ethnic staff.', ['bme "Black & Minority Ethnic"']],
  ['lower-case Black, any people word', 'general', 'Meetings are open to white allies and black carers.', ['ethnic-group-capitals "white allies"', 'ethnic-group-capitals "black carers"']],
  ['colour words', 'general', 'Write on the white board, not the black folder.', []],
  ['non-White as a category', 'general', 'The table splits staff into White and non-White groups.', []],
  ['non-white in prose', 'general', 'We want more non-white managers.', ['people-of-colour "non-white"']],
  ['Blacks and Whites in lower case', 'general', 'Gaps between blacks and whites remain.', ['blacks-whites "blacks"', 'blacks-whites "whites"']],
  ['Gypsies and travellers', 'general', 'Gypsies and travellers face barriers to care.', ['gypsy-traveller "travellers"']],
  ['WRES comparison group', 'general', 'Workforce Race Equality Standard report\n\nBME staff are less likely to be appointed.', []],
  ['a term discussed', 'general', 'BAME and BME are frequently used but are problematic.', []],
  ['a term half-quoted', 'general', "- BAME' is being replaced in many organisations.", []],
  // Health and disability.
  ['sufferers', 'general', 'The leaflet is for sufferers and their families.', ['suffers-from "sufferers"']],
  ['suffer with', 'general', 'Many people suffer with anxiety.', ['suffers-from "suffer with"']],
  ['suffer a condition', 'general', 'Half of them suffer depression.', ['suffers-from "suffer depression"']],
  ['victims of a condition', 'general', 'They were victims of a stroke.', ['suffers-from "victims of a stroke"']],
  ['victims of crime', 'general', 'We support victims of crime.', []],
  ['mentally ill', 'general', 'The inquest heard that a mentally ill man had been discharged.', ['mentally-ill "mentally ill man"']],
  ['the Mentally Ill', 'general', 'Funding for the Mentally Ill was cut.', ['mentally-ill "the Mentally Ill"']],
  ['handicapped', 'general', 'The bus takes handicapped children to school.', ['handicapped "handicapped"']],
  ['handicapped in an old name', 'general', 'The Eastvale Physically Handicapped Association met in 1960.', []],
  ['the elderly', 'general', 'Our elderly need more support, as do the Elderly in care homes.', ['older-people "elderly"', 'older-people "the Elderly"']],
  ['disabled WC', 'general', 'Use the disabled WC by the lift.', ['disabled-facilities "disabled WC"']],
  ['the disabled with its noun', 'general', 'We compared the disabled and non-disabled staff surveys.', []],
  ['mental health cafe', 'health-information', 'Come to our mental health cafe on Fridays.', ['mental-health-community "mental health cafe"']],
  ['mental health as information', 'health-information', 'Carers need information about mental health and the help available.', []],
  ['physical and mental health', 'health-information', 'Needs assessments cover physical and mental health needs.', []],
  ['word history', 'general', 'The word is made up of schizo (to split) and phrene (mind).', []],
  ['not so hard to reach', 'general', 'Reaching the not so hard-to-reach.', []],
  ['hard to reach: a service', 'health-information', 'Parents told us the clinic was hard to reach for them.', []],
  ['hard to reach: a label reported', 'general', 'These estates were labelled by earlier surveys as hard to reach.', []],
  ['hard to reach: used', 'general', 'We will target hard to reach families.', ['hard-to-reach "hard to reach"']],
  ['coloured', 'policy', 'Remarks about colleagues who are coloured are harassment.', ['people-of-colour "who are coloured"']],
  ['coloured: a thing', 'policy', 'Use the coloured folders for each ward.', []],
  ['minorities unqualified', 'general', 'Outreach to minorities was limited this year.', ['minorities "to minorities"']],
  ['minorities qualified', 'general', 'Outreach to ethnic minorities and religious minorities grew.', []],
  ['ethnics', 'general', 'Screening uptake among ethnics was low.', ['minorities "ethnics"']],
  ['black and Asian', 'general', 'We met black and Asian nurses at the event.', ['ethnic-group-capitals "black"']],
  ['a service named for young people', 'job-advert', "As a Young People's Worker you will hold a small caseload.", []],
  ['an age range as a line of what the job needs', 'job-advert', "## What we're looking for\n\n- Aged 18–25\n- Friendly with customers", ['age-limit "Aged 18–25"']],
  ['an age range of the people served', 'job-advert', '## Who we support\n\n- Adults aged 18–65 with a learning disability', []],
  ['excellent English, no task', 'job-advert', '- Excellent English is a must', ['fluent-english "Excellent English"']],
  ['a jargon title in title case', 'job-advert', '# Full-Stack Ninja (Senior Software Engineer)', ['jargon-job-title "Ninja"']],
  ['nationality with a sponsorship reason', 'job-advert', 'You must be a UK national, as we cannot sponsor visas.', ['nationality-requirement "UK national"']],
  ['nationality in a sponsorship rule', 'job-advert', 'Applicants who are not UK nationals may need sponsorship.', []],
  ['he in a joined clause', 'job-description', 'The Medical Secretary supports two consultants and their teams, and he will take calls from patients.', ['generic-pronoun "he"']],
  ['fitting in with a team', 'person-specification', '- Able to fit in with a small, friendly reception team', ['culture-fit "fit in with"']],
  ['hours that fit in with family life', 'job-advert', 'Choose shifts that fit in with your family life.', []],
  ['newly graduated', 'job-advert', 'The post would be ideal for a newly graduated student.', ['recent-graduate "newly graduated"']],
  ['qualifications heading', 'job-description', '## Qualifications\n\n- AMSPAR Diploma in Medical Secretarial Studies\n- Time-served apprenticeship as an electrician\n- City & Guilds 2391, or equivalent', ['qualification-equivalent "Diploma"', 'qualification-equivalent "Time-served apprenticeship"']],
  ['qualification or the will to gain it', 'job-advert', "## What we're looking for\n\n- A Level 3 Diploma in Health and Social Care, or willingness to complete it with us", []],
  ['barmen', 'job-advert', "We're looking for barmen to join the team.", ['gendered-job-title "barmen"']],
  ['suffering prejudice', 'policy', 'Some residents suffer from prejudice because of who they are.', []],
  ['suffering low blood sugar', 'health-information', 'Tell us if you suffer from low blood sugar at work.', ['suffers-from "suffer from"']],
  ['a dynamic unit', 'job-advert', 'The assessment unit is a dynamic area where you will learn triage.', []],
  ['a pay rule, not a requirement', 'job-advert', 'If you have less than 2 years NHS experience, you start on the first pay point.', []],
  ["one year's experience", 'job-advert', "- Minimum 1 year's experience in a care role", ['years-experience "1 year\'s experience"']],
  ['a non-native speaker', 'general', 'She was glad a company gave a non-native speaker a chance.', []],
  ['who a health check is for', 'general', "If you're between 40 and 74 years old, you can have a free NHS Health Check.", []],
  ['what some employers ask for', 'general', 'No qualifications are needed, though some employers may require GCSEs.', []],
  ['what shops ask for', 'job-description', 'Shops which require very experienced sales staff tend to pay more.', []],
  ['carers asked to join', 'job-advert', 'We are looking for mature, reliable carers to join our community teams.', ['mature "mature"']],
  ['carers already on the staff', 'policy', 'Staff who were young carers may still have caring responsibilities when they join us.', []],
  ['tech-savvy', 'job-advert', 'We are looking for a tech-savvy people person.', ['energetic "tech-savvy"']],
  ['volunteers of colour', 'policy', 'We particularly want to recruit more volunteers of colour.', ['people-of-colour "volunteers of colour"']],
  ['"or" in the spelled-out BAME', 'policy', 'We encourage applications from a Black, Asian or Minority Ethnic background.', ['bame "Black, Asian or Minority Ethnic"']],
  ['manning a rota', 'job-advert', 'You will take part in manning the out-of-hours rota.', ['gendered-work-words "manning"']],
  ['an upper age limit for volunteers', 'policy', 'Volunteers in all roles are subject to an upper age limit of 75.', ['age-limit "upper age limit of 75"']],
  ['young carers by age', 'policy', 'Some of our apprentices are young adult carers (aged 16 to 25).', []],
  ['well spoken, in a policy', 'policy', 'Reception volunteers should be well spoken and smartly presented.', ['accent "well spoken"']],
  ['a licence for volunteer drivers', 'policy', 'Volunteer drivers for our transport scheme must hold a full UK driving licence.', []],
  ['a licence where a van is provided', 'job-advert', 'You will be given a van to travel between our schemes, so a full driving licence is essential.', []],
  ['a thing that fits in', 'policy', 'We looked at how it fits in with the wider programme.', []],
  ['a staff network named in full', 'policy', 'The Black Asian and Minority Ethnic Staff Network meets monthly.', []],
  ['a term defined', 'policy', 'For these terms of reference, Black Asian Minority Ethnic (BAME) means everyone who self-identifies as such.', []],
  ['the words of a definition', 'policy', 'BME refers to all staff who define themselves as Black & Minority Ethnic.', ['bme "Black & Minority Ethnic"']],
  ['speaking English as a first language', 'general', 'Young carers are twice as likely not to speak English as their first language.', []],
  ['a licence as photo ID', 'job-advert', 'Bring photo ID (passport or driving licence) to the interview.', []],
  ['a qualification the job trains for', 'job-advert', '- There is no entry requirement, but you may be required to complete NVQ Level 1 in cleaning.', []],
  ['favoured by employers', 'general', 'Candidates with basic GCSEs will often be favoured by employers.', []],
  ['psycho-educational', 'health-information', 'We run psycho-educational groups and workshops.', []],
  ['manned guarding', 'general', 'Manned guarding is a licensed activity.', []],
  ['a young adult supported', 'job-advert', 'You will support an autistic young adult as he moves into adult life.', []],
  ['his, after plural objects only', 'job-description', 'The post holder must treat visitors and colleagues with respect in his day-to-day work.', ['generic-pronoun "his"']],
  ['he for a named manager', 'job-description', 'Our manager, Jo Smith, leads the team. He will meet you on your first day.', []],
  ['he, the duties of the post', 'job-description', 'To keep the centres clean and safe. He will open and close the buildings.', ['generic-pronoun "He"']],
  ['epileptics as a subject', 'health-information', 'Most epileptics control their seizures well with medicine.', ['condition-labels "epileptics"']],
  ['a list of ethnic groups', 'policy', 'Please give your ethnic group (white, black, Asian, Mixed or other).', ['ethnic-group-capitals "white"', 'ethnic-group-capitals "black"']],
  ['a list of colours', 'general', 'The cables come in black, white and grey.', []],
  ['English as a first language', 'job-advert', 'Applicants must have English as their first language.', ['native-speaker "English as their first language"']],
  ['black and white', 'general', 'The exhibition shows black and white photographs of nurses.', []],
  ['a person named by a condition', 'policy', 'A manager who is a diabetic may need breaks to eat.', ['condition-labels "is a diabetic"']],
  ['the adjective before a noun', 'health-information', 'Call 999 if an epileptic seizure lasts more than five minutes.', []],
  // Sex and gender.
  ['gendered title', 'job-advert', 'Groundsman wanted for a school.', ['gendered-job-title "Groundsman"']],
  ['generic he for a role', 'policy', 'The Chair must ensure that he is present at each meeting.', ['generic-pronoun "he"']],
  ['generic herself for a role', 'job-advert', 'The tutor will devote herself to the student.', ['generic-pronoun "herself"']],
  ['a woman\'s title for one woman who spoke', 'general', 'A hospital spokeswoman said the ward would reopen in May.', []],
  ['a woman\'s title in apposition to her name', 'general', 'Dr Priya Nair, spokeswoman for the practice, welcomed the news.', []],
  ['the title of one named person\'s office', 'general', 'Cllr Ann Lee, chairman of the board, opened the fair.', []],
  ['the title of a post', 'policy', 'The chairman of the panel makes sure every candidate is asked the same questions.', ['gendered-job-title "chairman"']],
  ['an office\'s own title after its holder\'s name', 'general', 'Sam Lee, Chairman of the Friends of Hollow Park, said the fair raised £900.', []],
  ['a woman\'s title for the post', 'job-advert', 'The spokeswoman will handle all press calls.', ['gendered-job-title "spokeswoman"']],
  ['no dependants: a requirement', 'job-advert', 'The post would suit someone with no dependants.', ['family-status "no dependants"']],
  ['no dependants: staff described in a policy', 'policy', 'Staff without dependants may also want a compressed week.', []],
  ['no dependants: a policy that recruits', 'policy', 'We will not recruit people with young children; we want applicants with no family ties.', ['family-status "no family ties"']],
  ['driver as the requirement', 'job-advert', 'Driver with own car essential.', ['driving-licence "own car"']],
  ['travel between homes is the job', 'job-advert', 'You will travel between several homes on each shift, so you will need a full driving licence.', []],
  ['EMI before the unit it names', 'job-advert', 'The home has a twelve-bed EMI unit on the ground floor.', ['mentally-ill "EMI unit"']],
  ['EMI as a company name', 'general', 'The record label EMI signed the band in 1962.', []],
  ['passport holders only', 'job-advert', 'UK passport holders only, please.', ['nationality-requirement "UK passport holders only"']],
  ['turning away other nationalities', 'job-advert', 'We are unable to accept applicants from non-UK nationals.', ['nationality-requirement "applicants from non-UK nationals"']],
  ['welcoming other nationalities', 'job-advert', 'We welcome applicants from non-UK nationals with the right to work here.', []],
  ['hostess as a title', 'job-advert', 'As our Ward Hostess you will serve meals to patients.', ['gendered-job-title "Hostess"']],
  ['one of the lads', 'job-advert', 'Great banter: you will soon be one of the lads.', ['gendered-work-words "one of the lads"']],
  ['a mental health event in a job description', 'job-description', 'Run monthly mental health drop-ins for parents in local libraries.', ["mental-health-community \"mental health drop-ins\""]],
  ['non-White describing people', 'general', 'Non-White staff hold 14% of posts at Band 8a and above.', ['people-of-colour "Non-White"']],
  ['non-White as a category against White', 'general', 'The gap between White and non-White applicants fell to 4 points.', []],
  ['a remark in brackets after a question', 'job-advert', 'Have a UK driving licence and your own car? (Useful but not essential!)', []],
  ['a requirement reported of other employers', 'general', 'Larger hospitals may prefer you to have a driving licence.', []],
  ['the writer\'s own institutions', 'job-advert', 'Our hospitals require a full driving licence.', ['driving-licence "full driving licence"']],
  ['a licence some posts need', 'job-advert', 'Some posts require you to have a driving licence.', []],
  // A possessive points back to the nearest person in its clause: the applicant's car, or the residents' own.
  ['the applicant\'s own car', 'job-advert', 'Applicants must have their own car as the last bus leaves at six.', ['driving-licence "own car"']],
  ['the residents\' own transport', 'job-advert', 'Staff help residents to use their own transport.', []],
  ['a car user allowance makes driving part of the job', 'job-description', 'The postholder uses their own vehicle, and an essential car user allowance is paid.', []],
  // "POC" where it stands for people, not for "point of care" or "proof of concept".
  ['POC for people', 'job-advert', 'We want more POC representation on the board, and we welcome POC to apply.', ['people-of-colour "POC representation"', 'people-of-colour "POC"']],
  ['POC for point of care', 'job-advert', 'You will run POC testing on the ward and look after the POC devices.', []],
  ['POC for proof of concept', 'job-advert', 'You will build a POC for the new booking app.', []],
  // Staff called girls, ladies or lads for the post they hold; girls who live in a children's home are not staff.
  ['staff called girls by their post', 'job-advert', 'You will sit with our ladies behind the counter and cover for the girls on reception.', ['gendered-work-words "our ladies behind the counter"', 'gendered-work-words "the girls on reception"']],
  ['girls a children\'s home looks after', 'job-advert', 'The girls in the home are aged 12 to 16.', []],
  // "Working life", not "career": people change careers at any age, but start work once.
  ['the person wanted at the start of their working life', 'job-advert', 'The post would suit someone at the very start of their working life.', ['recent-graduate "at the very start of their working life"']],
  ['staff supported at the start of their working lives', 'policy', 'We mentor staff at the start of their working lives.', []],
  ['every stage welcomed', 'job-advert', 'Whether you are at the start of your working life or returning to work, we would like to hear from you.', []],
  ['access to a vehicle', 'job-advert', 'The successful candidate must have access to a vehicle for work purposes.', ['driving-licence "must have access to a vehicle"']],
  ['years of driving experience', 'job-advert', 'Two years driving experience is needed for insurance.', []],
  ['members of a team', 'job-advert', 'You will join a team of very experienced therapists.', []],
  ['graduates among every career stage', 'job-advert', 'The posts are open to new graduates, returners and more experienced nurses.', []],
  ['a count after over', 'job-advert', 'With over 19,000 staff, we can offer you a role near home.', []],
  ['a count after under', 'job-advert', 'Applicants must swim 50 metres in under 60 seconds.', []],
  ['an age in an essential list', 'job-advert', 'Essential requirements: Over 21 years of age', ['age-limit "Over 21"']],
  ['dynamic before a graded title', 'job-advert', 'We are recruiting two dynamic Band 6 Occupational Therapists.', ['energetic "dynamic"']],
  ['dynamic for someone recruited, any document', 'general', 'We are looking for a dynamic Catering Assistant.', ['energetic "dynamic"']],
  ['physically capable', 'job-advert', 'We are looking for physically capable, caring people.', ['physically-fit "physically capable"']],
  ['fitness that would help', 'job-advert', 'It would be beneficial to have a good level of fitness.', []],
  ['suffering a condition, no from', 'policy', 'Support a colleague suffering peri-menopause.', ['suffers-from "suffering peri-menopause"']],
  ['a prison category is not a licence category', 'job-advert', 'The prison is a Category C adult prison.\n\nFull UK driving licence essential.', ['driving-licence "Full UK driving licence"']],
  ['aged between two ages', 'policy', 'Volunteers must be aged between 16 and 75.', ['age-limit "aged between 16 and 75"']],
  ['young people named by their age', 'policy', 'Volunteers under 18 can help in our shops.', []],
  ['a nationality asked in a policy', 'policy', 'Volunteers must be British citizens or have settled status.', ['nationality-requirement "British citizens"']],
  ['a name in capitals inside prose', 'job-description', 'Residents enjoy visits from the Young at Heart singing group.', []],
  ['two capitalised things joined by and', 'policy', 'It does not cover the Chairman and Non-Executive Directors.', ['gendered-job-title "Chairman"']],
  ['a label the sentence denies', 'general', 'They were not hard to reach; nobody had asked them.', []],
  ['cleaning ladies', 'job-advert', 'Cleaning ladies wanted for offices in the town centre.', ['gendered-job-title "Cleaning ladies"']],
  ['a good fit with the team', 'policy', 'The panel checks the candidate will be a good fit with the existing team.', ['culture-fit "good fit with the existing team"']],
  ['coloured in a list of groups', 'policy', 'We employ white, coloured and Asian staff.', ['ethnic-group-capitals "white"', 'people-of-colour "coloured and Asian"']],
  ['a condition as a noun after or', 'health-information', 'If you are pregnant or a diabetic, tell the nurse.', ['condition-labels "or a diabetic"']],
  ['roma in lower case', 'general', 'Services for gypsy, roma and traveller families.', ['gypsy-traveller "gypsy"', 'gypsy-traveller "roma"', 'gypsy-traveller "traveller"']],
  ['his after every member of staff', 'job-description', 'Make sure every member of staff knows his duties under the policy.', ['generic-pronoun "his"']],
  ['a lone his where the sentence says he/she', 'job-description', 'He/she will take on other duties in line with his grade.', ['he-she "He/she will"', 'generic-pronoun "his"']],
  ['a possessive opening the next sentence', 'job-advert', 'The Receptionist is the first contact for patients. Her duties include booking.', ['generic-pronoun "Her"']],
  ['his for anyone the service is for, in a policy', 'policy', 'The manager will speak to the client or his family.', ['generic-pronoun "his"']],
  ['his for the one person a job supports', 'job-advert', 'The young adult will soon move into his own flat.', []],
  ['a WRES report named in its opening line', 'general', 'The Workforce Race Equality Standard (WRES) compares white and BME staff.\n\nBME staff were less likely to be shortlisted.', []],
  ['a network\'s acronym in brackets', 'policy', 'The Black and Minority Ethnic Network (BME) meets monthly.', []],
  ['a vehicle the job provides', 'job-advert', 'You will need a full UK driving licence and will be provided with a trust vehicle.', []],
  ['a grade of post, not an award', 'job-advert', 'Level 3 Nursery Practitioner, £27,000 a year', []],
  ['health advice about age', 'general', "If you're over 45 and worried about your risk, see your GP.", []],
  ['her/him', 'job-description', 'Teach the pupils assigned to her/him.', ['he-she "her/him"']],
  ['good written and spoken English', 'job-advert', 'Good written and spoken English are essential.', ['fluent-english "Good written and spoken English"']],
  ['sexual orientation or preference', 'policy', 'We do not discriminate on grounds of sexual orientation or preference.', ['lgbt-terms "sexual orientation or preference"']],
  ['a long spoken sentence in quotation marks', 'general', 'The director said: “We are asking for a 2:1 or above degree from every applicant, because the training year is one of the hardest things our graduates will ever do.”', []],
  ['speech that runs on past its sentence', 'general', '“From the detaining of Black and minority ethnic people to racist abuse at work, the evidence demands action. We will act.”', []],
  ['a long list of places where driving is the job, read as a tree of words', 'job-advert', 'You will drive older people to appointments.\n\nA full driving licence is essential.', []],
  ['or higher after a grade', 'job-advert', 'A BTEC in a health subject at merit or higher.', ['qualification-equivalent "BTEC"']],
  ['or higher between levels', 'general', 'Diplomas come at lower or higher levels, depending on your experience.', []],
  ['she for a named person', 'policy', 'Our chair, Amina Shah, says she is proud of the team.', []],
  ['a story', 'policy', 'When I told a colleague, she looked at me in disbelief.', []],
  ['asian before another group', 'general', 'Take-up was lowest in south asian and black caribbean families.', ['ethnic-group-capitals "asian"', 'ethnic-group-capitals "black caribbean"']],
  ['black and white as colours', 'general', 'The leaflet is printed in black and white photographs.', []],
  ['an age after the people served', 'job-advert', 'Three residents aged 18 to 21 share the flat, and the post suits you if you like cooking.', []],
  ['an age after the applicants', 'job-advert', 'Applicants aged 18 to 21 are preferred.', ['age-limit "aged 18 to 21"']],
  ['a licence or another form of transport', 'person-specification', 'Hold a full driving licence, or have access to another form of transport that lets you cover the area.', []],
  ['guidance on when a licence may be asked for', 'policy', 'Managers may ask for a driving licence only if they can show driving is an essential part of the post.', []],
  ['a home care provider, not a home care job', 'job-advert', 'We are a domiciliary care agency recruiting an office rota planner.\n\nA full UK driving licence and own car are essential.', ['driving-licence "full UK driving licence"', 'driving-licence "own car"']],
  ['home care as the job', 'job-advert', 'Our domiciliary carers work across the town.\n\nA full UK driving licence is essential.', []],
  ['a title in capitals is not a name', 'job-description', 'The Service Manager leads the team. He will set the budget.', ['generic-pronoun "He"']],
  ['a heading line run into the text', 'job-description', 'Main purpose\nThe Deputy Manager runs the home at night. He will check every room.', ['generic-pronoun "He"']],
  ['the same pronoun again, later in the sentence', 'job-description', 'The Team Leader runs the rota. He will plan each week, and he will cover any gaps.', ['generic-pronoun "He"', 'generic-pronoun "he"']],
  ['a plural possessive inside a name', 'general', "Ann Lee, secretary of the Westvale Pensioners' Forum, said the wait was too long.", []],
  ['pensioners as a label', 'general', "Pensioners' views were heard at the meeting.", ['older-people "Pensioners"']],
  ['many communities written as one', 'general', 'We will work with the ethnic minority community on screening.', ['minorities "the ethnic minority community"']],
  ['communities in the plural', 'general', 'We will work with ethnic minority communities on screening.', []],
  ['a requirement list under "the ideal" and a role', 'job-advert', '## The ideal nurse\n\n- Mature and well organised\n- Kind', ['mature "Mature"']],
  ['pay the law sets by age', 'job-advert', 'If you are aged 16 to 18, the minimum you should receive is £6.40 an hour under the National Minimum Wage.', []],
  ['one sex only, no requirement named', 'job-advert', 'We are recruiting female support workers only for this house.', ['one-sex-only "female support workers only"']],
  ['one sex only, with the occupational requirement', 'job-advert', 'Being a man is an occupational requirement of this post, so we are recruiting male support workers only.', []],
  ['years in a role, without the word experience', 'job-advert', 'You will need at least 3 years in a similar role.', ['years-experience "3 years"']],
  ['a minimum time within a recent window', 'person-specification', 'Worked as a nurse for a minimum of 1 year within the last 5 years.', ['years-experience "1 year"']],
  ['records kept for a minimum time', 'policy', 'Records are kept for a minimum of 6 years in a locked cabinet.', []],
  ['a surname after a title', 'general', '"The wait is too long," said Dr Young.', []],
  ['young volunteers named by an age under 18', 'policy', 'Young volunteers aged 16 and 17 may help in our shops.', []],
  ['an age limit for the work', 'job-advert', 'The successful candidate must be aged under 55 due to the physical work.', ['age-limit "aged under 55"']],
  ['figures about applicants of an age', 'policy', 'Applicants aged 50 and over were less likely to be appointed than younger applicants.', []],
  // British press style opens speech with a curly single quote, which is never an apostrophe.
  ['speech in curly single quotes, over two sentences', 'general', 'The trust\'s nursing director said: ‘A full driving licence used to be essential for these posts. We are changing that.’', []],
  ['a pronoun for someone the sentence gives that sex', 'policy', 'A colleague who identifies as female may describe herself as a woman.', []],
  ['a pronoun for a post, with no sex given', 'policy', 'The colleague must tell his manager about the change.', ['generic-pronoun "his"']],
  ['speech introduced by its speaker, over two sentences', 'general', 'Jo Bell said: "As chairman of the traders I see empty shops. It is sad."', []],
  ['been an epileptic', 'general', 'She has been an epileptic since she was 12.', ['condition-labels "been an epileptic"']],
  ['he for the role sought in the sentence before', 'job-advert', 'We are looking for a reliable caretaker to look after the school. He will open the building each morning.', ['generic-pronoun "He"']],
  ['his for the same person as he', 'job-description', 'The Caretaker opens the school. He will bring his own tools.', ['generic-pronoun "He"', 'generic-pronoun "his"']],
  ['years of doing something', 'person-specification', 'At least two years managing a team.', ['years-experience "two years"']],
  ['a lower degree class with more added', 'person-specification', "Essential:\n\n- A degree in psychology (2:1 or above), or a 2:2 plus a relevant master's degree", []],
  ['people listed with the', 'policy', 'Groups at risk include the elderly, the disabled and BME families.', ['older-people "the elderly"', 'the-disabled "the disabled"', 'bme "BME families"']],
  ['him or herself', 'policy', 'A person who cannot look after him or herself.', ['he-she "him or herself"']],
  ['a reason the text denies', 'person-specification', '- A full driving licence is essential\n\nHome visits are not part of this role.', ['driving-licence "full driving licence"']],
  ['a heavy goods vehicle licence', 'job-description', 'Collect waste on the rounds.\n\n- Heavy Goods Vehicle Driving Licence', []],
  ['English as the subject of a first-language rule', 'job-advert', 'English must be your first language.', ['native-speaker "English must be your first language"']],
  ['British or EU nationality', 'job-advert', 'Applicants must hold British or EU nationality.', ['nationality-requirement "British or EU nationality"']],
  ['a high-energy person', 'job-advert', 'We want a high-energy individual for the team.', ['energetic "high-energy"']],
  ['a high energy standard', 'job-advert', 'We will bring every home up to a high energy standard.', []],
  ['recruiting one sex', 'job-advert', 'We are looking for female care workers to join our night staff.', ['one-sex-only "female care workers"']],
  ['a spaced dash ends the clause', 'job-advert', "## Who we're looking for\n\n- Young and cheerful – the residents will tell you why!", ['young "Young"']],
  ['a qualification under a "Candidate requirements" label', 'job-advert', 'Candidate requirements:\n\n- Registered nurse\n- Degree in Midwifery', ['qualification-equivalent "Degree"']],
  ['occupational requirement', 'job-advert', 'This post has an occupational requirement for a woman.\n\nThe assistant will support her employer, and she will drive.', []],
  // A job title written as two words is the same title.
  ['a gendered title in two words', 'general', 'No pub will take you on as a bar man until you can change a barrel.', ['gendered-job-title "bar man"']],
  ['a title with "sales" before "man"', 'job-advert', 'We need a sales man for the showroom.', ['gendered-job-title "sales man"']],
  // "worth of" between the years and the experience.
  ['years worth of experience', 'general', 'You will need at least four years worth of experience behind the counter.', ['years-experience "four years worth of experience"']],
  // "Or" and the phrase after it, to its end, offer another route.
  ['another route a few words after "or"', 'person-specification', 'Essential:\n\n- Level 3 Diploma in Childcare or a reasonable amount of experience in a nursery', []],
  // Each sentence of an item has its own qualification; "or equivalent" in one does not cover the other.
  ['or equivalent in the next sentence, for another qualification', 'person-specification', '## Essential criteria\n\n- Qualifications: GCSE English and maths at grade C. A Level 3 diploma in childcare or an equivalent qualification.', ['qualification-equivalent "GCSE"']],
  ['equivalents accepted in a sentence of its own', 'person-specification', '## Essential criteria\n\n- GCSE English and maths at grade C. Equivalent qualifications are accepted.', []],
  ['a qualification after a "Qualifications:" label', 'person-specification', 'Qualifications: hold GCSE English and maths at grade C.', ['qualification-equivalent "GCSE"']],
  // Said of people who have no licence, with another way offered.
  ['people without a licence', 'policy', 'If a post involves a lot of travel and you do not have a driving licence, you will need another way to get about.', []],
  // School leavers in news are not being asked for; in an advert they are.
  ['school leavers in news', 'general', 'Each summer many school leavers weigh up college against an apprenticeship.', []],
  ['school leavers chosen outside an advert', 'general', 'The firm is recruiting school leavers for its warehouse.', ['recent-graduate "school leavers"']],
  ['school leavers in an advert', 'job-advert', 'The post would suit school leavers.', ['recent-graduate "school leavers"']],
  // One "the" shared along a list of groups.
  ['the elderly, disabled or infirm', 'health-information', 'The scheme helps the elderly, disabled or infirm with their shopping.', ['older-people "the elderly"', 'the-disabled "disabled"']],
  ['disabled before its noun in such a list', 'health-information', 'The ramp helps the elderly and disabled residents reach the garden.', ['older-people "the elderly"']],
  // A staff network's own name, spelled out, is the network's choice: a hint, not the BME finding.
  ['a network named with BME spelled out', 'policy', 'Staff can join:\n\n- Black and minority ethnic staff network\n- Carers network', []],
  ['a kind of network, not one by name', 'policy', 'Every trust should set up a Black and minority ethnic staff network.', ['bme "Black and minority ethnic"']],
  // "Addicts" where it names people; a figure of speech and a fellowship's name are left alone.
  ['addicts after a preposition', 'health-information', 'The drop-in is open to addicts and their families.', ['health-labels "to addicts"']],
  ['addicts of a drug', 'health-information', 'Crack addicts are offered a key worker.', ['health-labels "Crack addicts"']],
  ['addicts as a figure of speech', 'general', 'Coffee addicts will love the new cafe.', []],
  ['a fellowship named for its members', 'health-information', 'Alcoholics Anonymous meets in the church hall.', []],
  // Unfair treatment is a harm done to people, not a condition.
  ['suffering unequal treatment', 'policy', 'Staff who feel they are suffering from unfair treatment can raise a grievance.', []],
  // Outside an advert, a requirement said of the post through a linking verb is still asked of applicants.
  ['said of the post holder', 'general', 'The new clerk will be a recent graduate.', ['recent-graduate "recent graduate"']],
  // "Good English" is as vague as "fluent English"; English beside maths is a basic-skills criterion.
  ['good English with no task', 'job-advert', 'The roles are open to anyone over 18 with good English.', ['fluent-english "good English"']],
  ['good English and maths', 'person-specification', 'Essential: good English and maths.', []],
  ['good fitness with no task', 'job-advert', 'You will be cheerful, reliable and of good fitness.', ['physically-fit "good fitness"']],
  // An approximate amount of experience describes the usual route.
  ['around two years of experience', 'general', "Most practice nurses have around two years' experience on a ward first.", []],
  // Old care-home wording, and BME spelled out with "ethnicity".
  ['mentally infirm', 'health-information', 'The centre welcomes frail or mentally infirm older people.', ['mentally-ill "mentally infirm"']],
  ['BME as "Black Minority Ethnicity"', 'general', 'Figures for the Black Minority Ethnicity population are rising.', ['bme "Black Minority Ethnicity"']],
  // "We want to …" is a wish; "we want a …" chooses someone.
  ['a wish for the young people served', 'health-information', 'What we want to see is young people getting support early.', []],
  ['we need to recruit', 'general', 'We need to recruit young people into the trade.', ['young "young"']],
  // "Ethnic" alone before people means "from an ethnic minority"; a word before it that says which groups does not.
  ['ethnic for minority', 'health-information', 'Waist size matters more in ethnic women, and few ethnic families were asked.', ['ethnic-for-minority "ethnic women"', 'ethnic-for-minority "ethnic families"']],
  ['ethnic with its groups named', 'general', 'Black and minority ethnic women, and staff from different ethnic communities, took part.', ['bme "Black and minority ethnic"']],
  ['ethnic in a compound', 'general', 'Support for multi-ethnic staff teams and ethnic Chinese families.', []],
  // A post said not to suit people with children screens them out as surely as one asking for no dependants.
  ['a post not suited to parents', 'general', 'The role of a night concierge is probably not suited to someone with a young family, given the hours.', ['family-status "someone with a young family"']],
  ['hours that would not suit parents', 'job-advert', "The shifts wouldn't suit anyone with young children.", ['family-status "anyone with young children"']],
  ['parents need not apply', 'job-advert', 'Applicants with small children need not apply.', ['family-status "Applicants with small children need not apply"']],
  ['a venue not suited to children', 'general', 'The venue is not suitable for people with young children, as it has steep stairs.', []],
  ['staff with and without children', 'policy', 'Staff with and without children may ask to work from home.', []],
  // A quotation over two sentences: the second has only the closing mark.
  ['the second sentence of a quotation', 'general', 'The review found that “Most staff felt safe. Staff from black groups felt least safe”.', []],
  ['fit in with, and a second verb', 'policy', 'Staff are expected to fit in with and promote this image when visiting clients.', []],
  ['a step on a pay scale', 'job-description', '## Pay\n\nNew to the role: £24,000\n\nHighly experienced: £38,000 to £42,000', []],
  ['a head teacher as anyone in the post', 'job-description', 'The Headteacher will review these duties each year and record his decisions.', ['generic-pronoun "his"']],
  ['a joint title as anyone in the post', 'job-description', 'Each year the Chief Executive & Executive Headteacher will review these duties with his deputy.', ['generic-pronoun "his"']],
  ['a thalidomide victim', 'general', 'The family of a thalidomide victim asked for help.', ['suffers-from "thalidomide victim"']],
  ['a parking permit named for its holders', 'general', 'Their disabled parking badges were not renewed, though the disabled parking bays stayed.', ['disabled-facilities "disabled parking bays"']],
  // Health questions before a job offer: a demand for a good sickness record.
  ['a sickness record as a criterion', 'job-advert', 'We want carers who are not prone to last minute sickness, and every applicant must have a good sickness record.', ['sickness-record "not prone to last minute sickness"', 'sickness-record "good sickness record"']],
  ['a sickness record in a policy', 'policy', 'Managers look at a good sickness record when agreeing a return to work plan.', []],
  ['a sickness record of a patient', 'health-information', 'The patient had no history of sickness.', []],
  ['a spokesman for a named body', 'general', 'A spokesman for the Eastvale branch of the charity said the cafe would reopen.', []],
  ['white with a sex before the noun', 'general', 'Life expectancy is lower than for white male residents.', ['ethnic-group-capitals "white male residents"']],
  ['elderly before another describing word', 'health-information', 'You can get the jab if you care for an elderly or disabled person.', ['older-people "elderly or disabled person"']],
  ['a syndrome named before sufferers', 'health-information', 'Post-polio syndrome sufferers can ask for the jab.', ['suffers-from "syndrome sufferers"']],
  // What someone suffers from is read past its describing words: harm done to them is not a condition.
  ['suffering harm described first', 'general', 'Many clients suffer from severe and frequent abuse at home.', []],
  ['suffering a condition and hardship', 'general', 'Many clients suffer from diabetes and poverty, and some suffer from severe depression.', ['suffers-from "suffer from diabetes"', 'suffers-from "suffer from"']],
  ['an alcoholic drink', 'general', 'She had an alcoholic drink with lunch.', []],
  ['an alcoholic parent, and one described first', 'general', 'She grew up with an alcoholic father, and he was a depressed alcoholic by then.', ['health-labels "an alcoholic father"', 'health-labels "a depressed alcoholic"']],
  ['demented for dementia', 'health-information', 'Demented patients need calm wards, and some become completely demented.', ['condition-labels "Demented patients"', 'condition-labels "completely demented"']],
  // The writer's own track record is not a requirement.
  ["an organisation's years of experience", 'general', 'The Eastvale Care Group has over 30 years of experience, and our company has 20 years of experience in homecare.', []],
  ['years asked of the applicant beside them', 'job-advert', "We have 30 years of experience in care, and you will need at least 2 years' experience as a carer.", ['years-experience "2 years\' experience"']],
  // A licence the same line calls not essential, and a licence held that the sentence describes.
  ['a licence not essential', 'job-advert', "- Driver's licence – but this isn't essential", []],
  ['a licence held, described', 'job-advert', 'If you hold a non-UK driving licence you can drive here legally for up to 12 months.', []],
  // "The blind", "the deaf" as a group, but not before what they describe, and not in a charity's name.
  ['the blind and the deaf as groups', 'general', 'The club meets the needs that the blind may have, and runs classes for the deaf.', ['the-disabled "the blind"', 'the-disabled "the deaf"']],
  ['the deaf as an adjective, and a name', 'general', 'This was the deaf world of the 1950s, when the Eastvale Association for the Blind opened.', []],
  ['a term of its time', 'general', 'Mencap changed how people saw the mentally handicapped, as they were then known.', []],
  ['a named person described', 'general', 'Irene was a young factory worker when she joined the club.', []],
  // A list's lead-in names the role its items go on about.
  ['a list under its lead-in', 'policy', 'A player should:\n\n- Help his own team win.\n- Set an example for young players.', ['generic-pronoun "his"']],
  ['a list item that names someone', 'policy', 'A member must:\n\n- Tell Jo Smith about his plans.', []],
  ['a team named by what it does', 'job-advert', 'You will work in our dynamic customer service team.', ['energetic "dynamic"']],
];

describe('findings on real-world wording', () => {
  it.each(cases)('%s', (_name, kind, text, expected) => {
    expect(visible(text, kind)).toEqual(expected);
  });
});

describe('a term and its spelling-out in brackets', () => {
  const spans = (text: string) =>
    linter
      .lint(text, { format: 'plaintext', kind: 'policy' })
      .findings.filter((f) => f.scope === 'span')
      .map((f) => `${f.ruleId} ${f.offset.start}-${f.offset.end} "${f.actual}" → ${f.suggestions[0] ?? ''}`);

  it('is one finding whose fix replaces both, either way round', () => {
    expect(spans('Staff from a Black, Asian and Minority Ethnic (BAME) background took part.')).toEqual([
      'bame 13-52 "Black, Asian and Minority Ethnic (BAME)" → ethnic minority',
    ]);
    expect(spans('Our BAME (Black, Asian and Minority Ethnic) network meets monthly.')).toEqual([
      'bame 4-43 "BAME (Black, Asian and Minority Ethnic)" → ethnic minority',
    ]);
  });

  it('does not carry Title Case capitals into the fix', () => {
    expect(spans('Black, Asian and Minority Ethnic staff met in May.')).toEqual(['bame 0-32 "Black, Asian and Minority Ethnic" → Ethnic minority']);
  });
});

describe('Markdown tables', () => {
  it('reads a cell under an "Essential" or "Desirable" column heading as under that label', () => {
    const text = '| Criteria | Essential | Desirable |\n|---|---|---|\n| Qualifications | BSc Healthcare Science | MSc in cardiology |\n| Skills | Good IT skills | A GCSE in maths |\n';
    const found = linter
      .lint(text, { format: 'markdown', kind: 'person-specification' })
      .findings.filter((f) => f.scope === 'span' && f.severity !== 'hint')
      .map((f) => `${f.ruleId} "${f.actual}" ${f.range.start.line}:${f.range.start.character}`);
    expect(found).toEqual(['qualification-equivalent "BSc" 2:19']);
  });

  it('reads a row with an "Essential" or "Desirable" cell as under that label, and never the rows below it', () => {
    const text =
      '| Criterion | Essential or desirable |\n|---|---|\n| A GCSE in English | Essential |\n| An NVQ in care work | Desirable |\n| Energetic and organised | Essential |\n';
    const found = linter
      .lint(text, { format: 'markdown', kind: 'person-specification' })
      .findings.filter((f) => f.scope === 'span' && f.severity !== 'hint')
      .map((f) => `${f.ruleId} "${f.actual}" ${f.range.start.line}:${f.range.start.character}`);
    expect(found).toEqual(['qualification-equivalent "GCSE" 2:4', 'energetic "Energetic" 4:2']);
  });
});

const kindOf = (text: string): { kind: DocumentKind; evidence: string[] } => {
  const r = linter.lint(text, { format: 'markdown' });
  return { kind: r.kind, evidence: r.kindEvidence ?? [] };
};

describe('document kind from several signals, general when unsure', () => {
  it.each<[string, string, DocumentKind]>([
    ['an advert with pay and a closing date', 'Porter\n\nSalary: £23,500 a year\nClosing date: 4 March\n\nHow to apply: send your CV to jobs@example.org.', 'job-advert'],
    ['an advert with pay written without £', 'Care Worker\nLocation: Eastvale\nSalary: 24,100-26,300\nYou will support people in their homes. Apply online.', 'job-advert'],
    ['a job description titled as one', 'Job Description\n\nJob title: Receptionist\nReports to: Practice Manager\n\nMain duties\n\n- To greet patients\n- To book appointments', 'job-description'],
    ['a title run into the text', 'Job Description Role: Ranger Reports to: Site Manager Purpose of the role To look after the woods.', 'job-description'],
    ['a person specification', 'Person specification\n\nEssential\n\n- Experience of reception work\n\nDesirable\n\n- First aid certificate', 'person-specification'],
    ['a blog post about adverts', '# Why we stopped asking for a car\n\n*Eastvale Care Recruitment – Insights blog*\n\nWe are recruiting care assistants and support workers for our clients all the time. Our old adverts asked every applicant for their own car. Now each advert says whether the post is full-time or part-time, gives the hourly rate, and tells you how to ask for adjustments. If you apply, you will be asked only for what the job needs.', 'general'],
    ['a policy', 'Flexible Working Policy\n\n1. Purpose\n\nThis policy sets out how staff may ask for flexible working.\n\n2. Scope\n\nAll staff.\n\nReview date: 2027', 'policy'],
    ['terms of reference', 'Carers Network Terms of Reference\n\nThe network aims:\n\nTo support carers.\nTo raise concerns with managers.', 'policy'],
    ['health information for the reader', 'Flu vaccine\n\nWho is eligible\n\nYou can get a free flu vaccine if you are 65 or over. Ask your GP or pharmacist. If you think you are eligible, book an appointment.', 'health-information'],
    ['a council leaflet', 'Help with care at home\n\nWho is this leaflet for?\n\nThis leaflet explains how to apply for help at home and what you may need to pay. You can apply online or call us.', 'health-information'],
    // Without "Amira Patel, 41," the closing advice line would make this health information.
    ['a news story about health', "Nurse runs marathon for stroke charity\n\nAmira Patel, 41, ran the London Marathon on Sunday for a stroke charity after her mother's illness.\n\nShe said the help her family got had changed their lives.\n\nThe charity's director, Tom Reid, said demand had grown.\n\nIf you are worried about a stroke, call 999.", 'general'],
    // The headline names a health event, but the dateline under it makes it a news story.
    ['a news story with a dateline', '# Health checks draw hundreds to community day\n\n*Eastvale Gazette | 3 May 2025*\n\nMore than 300 people came to the centre on Saturday for free blood pressure checks.\n\n"People came because they trust us," said organiser Ruth Okafor.\n\nIf you are worried about your blood pressure, ask your GP.', 'general'],
    ['a byline', 'Ward opens after refit\n\nBy Sam Reid\n\nThe ward reopened on Monday, the trust said.', 'general'],
    ['a writer named by their role', '# Ideas for recruiting carers\n\nJo Bloggs\n\nWriter for Care Business News\n\n## Day services\n\nFinding carers is hard for every provider. Good onboarding keeps them.', 'general'],
    ['a report about a health service', '# Flu vaccination: equity audit 2024\n\nThe vaccine is offered to adults aged 65 and over. This audit compares uptake by ethnic group and deprivation.\n\nUptake was 71% overall. If you think you are eligible, ask your GP.', 'general'],
    ['a news story', 'Hospital wins award\n\nThe chief executive said staff had worked hard. A spokesperson told reporters the award was deserved.', 'general'],
    ['a job title with "policy" in it', 'Senior Policy Adviser\n\nJob summary\n\nYou will lead work on housing. We are looking for someone who can write well. Salary: £45,000 a year. Closing date: 1 May.', 'job-advert'],
    ['too little to go on', 'Notes from Tuesday\n\nWe talked about the garden and the summer fair.', 'general'],
    ['a policy with numbered sections', '# Lone Working Policy\n\n## 1. Purpose\n\nThis sets out how staff stay safe.\n\n## 2. Scope\n\nAll staff who visit patients at home. If you feel unsafe, call your manager.', 'policy'],
    ['a health day invitation', '# Community Health Day: Diabetes\n\nSaturday 3 May, 10am to 2pm, at the library. Free, and everyone is welcome.', 'health-information'],
    ['an advert with a person specification section', '# Clinical Pharmacist\n\n**Salary:** £47,000 a year\n**Closing date:** 1 March\n\n## About the role\n\nYou will run medication reviews.\n\n## Person specification\n\n- A pharmacy degree or equivalent.', 'job-advert'],
    // Service pages often speak of patients in the third person and head their sections with questions.
    ['a service page with question headings', '# Kidney clinic\n\n## Who can be referred?\n\nAdults whose kidney function has fallen are seen here.\n\n## What are the side effects?\n\nThe treatment can cause tiredness, and most people feel better within weeks.', 'health-information'],
    ['a page about a condition', '# Epilepsy awareness week\n\n## What is epilepsy?\n\nA condition of the brain that causes seizures.\n\n## Who is affected?\n\nPeople of all ages, from babies to pensioners.', 'health-information'],
    ['advice for the reader or someone they know', '# Loneliness\n\nLoneliness can affect anybody.\n\nIf you, or somebody you know, is feeling lonely, there are things you can do. If you feel low, talk to a friend.', 'health-information'],
    ['a person specification sorted under headings', '# Support Worker\n\nJob Title: Support Worker\n\n## Job Summary\n\n- Helps patients wash and dress\n\n## Essential Criteria\n\nEducation / Qualifications\n\n- Basic literacy\n\nSkills / Abilities\n\n- Punctual and reliable', 'person-specification'],
    ['criteria said to be essential', '# Support Worker\n\nThe following values are essential:\n\n- Respect for the people we support\n\nThe following skills and qualities are essential:\n\n- Good organisation', 'person-specification'],
    ['codes of conduct', '# Codes of Conduct\n\nThe club publishes these codes for players and coaches.\n\nA player should play fairly and respect the referee.', 'policy'],
    ['a club\'s rules', '# Rules\n\nRules and conditions members are required to follow.\n\nThe club shall be open every day.', 'policy'],
    ['a leave policy named by its leave', '# Carers leave\n\nLeave options if you look after someone regularly, because of illness or disability. You can take up to five days a year.', 'policy'],
    ['a diversity promise', '# Our Diversity Promise\n\nWe treat every candidate fairly and we will not tolerate discrimination.', 'policy'],
    // A careers page asks questions too, but about the job, not a condition.
    ['a careers page with question headings', '# Working in care\n\n## What does a support worker do?\n\nSupport workers help people live at home.\n\n## What is the pay like?\n\nMost roles pay by the hour.', 'general'],
    ['an advert whose job description says "Purpose of Role"', 'Gardener\n\nSALARY: £12.90\n\nHOURS: Part time\n\nJob Description\n\nPurpose of Role:\n\nTo keep the grounds safe and tidy.', 'job-advert'],
    ['an advert that may close early', 'Cook\n\nWe are looking for a cook to join our kitchen team.\n\nThis vacancy may close early, so please apply soon.', 'job-advert'],
    ['an equality statement', '# Equality and diversity statement\n\nWe value the people we serve and the staff who serve them, and we treat everyone fairly.', 'policy'],
    // An employer's scheme binds the employer: a page that sets out its terms is a policy.
    ['a scheme an employer runs', '# Guaranteed Interview Scheme\n\nWe guarantee to interview every disabled applicant who meets the essential criteria for the job. Tell us on your application form if you would like to use the scheme.', 'policy'],
    ['guidance for managers', '# Staff absence\n\nHow we support colleagues who are off sick.\n\n## Guidance for managers\n\nManagers should keep in touch with a colleague who is off sick. If you are unwell, tell your manager and see your GP if it lasts more than a week.', 'policy'],
    // The first title names the document; a "Job Description" heading under it is a section of the advert.
    ['a vacancy carrying its job description', '# Job vacancy\n\nThe parish council has a vacancy for a cleaner.\n\n## Job Description\n\nPost: Hall Cleaner\n\nReports to: Parish Clerk\n\nTo clean the hall each week.\n\nTo order cleaning supplies.', 'job-advert'],
    ['a job description with a job outline', 'TITLE OF JOB: Teaching Assistant\n\nLOCATION: Hillside School\n\n## 1. Job outline\n\n### a) Reason job exists\n\nTo support teachers with pupils learning.\n\n### b) Duties\n\n- Support small groups of pupils\n- Prepare classrooms', 'job-description'],
    ["a group's sections named for the group", '# Carers group\n\n## Aims of the group\n\n- To share news\n- To raise concerns with managers\n\n## Responsibilities of members\n\n- Members must keep what is said private', 'policy'],
    // An advert's own commitments do not make it a policy.
    ['an advert that states its commitments', '# Support worker\n\nWe are looking for a support worker. We will not tolerate discrimination and we are committed to equality. Salary: £24,000 a year. Closing date: 3 May.', 'job-advert'],
  ])('%s', (_name, text, kind) => {
    const result = kindOf(text);
    expect(result.kind).toBe(kind);
    expect(result.evidence.length > 0).toBe(kind !== 'general');
  });

  it('takes an advert that carries its job description for an advert, not general', () => {
    const text =
      'Healthcare Support Worker\n\nThe closing date is 24 December\n\nJob summary\n\n' +
      'To support registered nurses to deliver care.\n\nTo help supervise students on the ward.\n\nTo keep accurate records.';
    expect(kindOf(text).kind).toBe('job-advert');
  });

  it('says which signals decided', () => {
    expect(kindOf('Porter\n\nSalary: £23,500 a year\nClosing date: 4 March\n\nHow to apply: send your CV.').evidence).toEqual([
      'a closing date',
      'how to apply',
      'pay with a figure',
    ]);
  });
});

const statements = (text: string) => linter.lint(text, { format: 'plaintext', kind: 'job-advert' }).report;

describe('advert statements in the forms real adverts use', () => {
  it.each<[string, string, string, boolean]>([
    ['an hourly rate', 'Pay: £12.60 p/hr plus holiday pay.', 'salary', true],
    ['the reader asked whether they need adjustments', 'Need adjustments, or want a chat first? Call Sam on 020 0000 0000.', 'reasonable_adjustments', true],
    ['adjustments to a rota, not for the reader', 'We make adjustments to the rota every month.', 'reasonable_adjustments', false],
    ['pro rata', 'Salary £28,000 pro rata.', 'salary', true],
    ['a figure with no £', 'Salary: 31,200-33,900', 'salary', true],
    ['a range in k', 'Senior Developer – 70-90K', 'salary', true],
    ['words run together', 'Location: LeedsSalary: 29,000-31,000', 'salary', true],
    ['a duty, not an offer', 'You will work flexibly to meet the needs of the service.', 'flexible_working', false],
    ['a demand, not an offer', 'You must be willing to work flexible hours.', 'flexible_working', false],
    ['a label answered no', 'Work from home\n\nNo', 'flexible_working', false],
    ['a label answered on site', 'Remote working: On-site only', 'flexible_working', false],
    ['a four-day week', 'A 4 day working week, 08:00 to 17:45.', 'flexible_working', true],
    ['days off on request', 'Hours: 37 a week. Fixed days off can be requested.', 'flexible_working', true],
    ['an inclusive place for the children served', 'We give children aged 2 to 4 a safe and inclusive environment for children to learn in, and our team loves it.', 'inclusion_statement', false],
    ['part-time hours', 'This post is 18 hours a week.', 'flexible_working', true],
    ['hours that suit you', 'You can choose a shift pattern that better suits your life.', 'flexible_working', true],
    ['shifts you pick yourself', 'On the bank you set your own hours and book work through an app.', 'flexible_working', true],
    ['a label and value', 'Hours: 30, flexible | Location: Leeds', 'flexible_working', true],
    ['flexible hours you choose', 'Hours: Flexible, you choose the shifts you want.', 'flexible_working', true],
    ['hybrid in a summary line', 'Salary £31,000 | Hybrid (one day a week in the office)', 'flexible_working', true],
    ['a hybrid that is not a way of working', 'Training on hybrid closed loop systems for insulin.', 'flexible_working', false],
    ['adjustment requests', 'Questions and adjustment requests go to Sam Patel on 0113 000 0000.', 'reasonable_adjustments', true],
    ['adjustments to the building', 'The adjustments to the car park finish in June.', 'reasonable_adjustments', false],
    ['keen to hear from', 'We are especially keen to hear from disabled applicants.', 'inclusion_statement', true],
    ['keen, about a service', 'Patients are keen to hear from the new team.', 'inclusion_statement', false],
    ['inclusion: about service users', 'People from all walks of life visit the garden.', 'inclusion_statement', false],
    ['inclusion: about hiring', 'We welcome applicants from all walks of life.', 'inclusion_statement', true],
    ['inclusion: dedicated to diversity', 'We are dedicated to building a diverse team, so we encourage you to apply.', 'inclusion_statement', true],
  ])('%s', (_name, text, key, expected) => {
    const report = statements(text) as unknown as { statements: Record<string, boolean> };
    expect(report.statements[key]).toBe(expected);
  });
});
