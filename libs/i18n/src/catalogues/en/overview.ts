import type { Catalogue } from '../../catalogue';

export const overviewTexts: Pick<Catalogue, 'overview'> = {
  overview: {
    title: 'County console',
    intro: 'This is where the county keeps track of the competence actors in Trøndelag and how they cooperate.',
    nowTitle: 'What you can do now',
    actorsLink: 'Actors',
    actorsText: 'Search and maintain the register of libraries, study centres, universities and other actors.',
    municipalitiesLink: 'Municipalities',
    municipalitiesText: 'See Trøndelag’s 38 municipalities and the regions they are grouped in.',
    laterTitle: 'What is coming',
    laterText: 'Agreements, services, activities, initiatives, surveys and reports to funders.',
  },
};
