import type { Catalogue } from '../../catalogue';

export const overviewTexts: Pick<Catalogue, 'overview'> = {
  overview: {
    title: 'Fylkeskonsoll',
    intro: 'Her samlar fylket oversikta over kompetanseaktørane i Trøndelag og samarbeidet mellom dei.',
    nowTitle: 'Dette kan du gjere no',
    actorsLink: 'Aktørar',
    actorsText: 'Søk i og vedlikehald registeret over bibliotek, studiesenter, universitet og andre aktørar.',
    municipalitiesLink: 'Kommunar',
    municipalitiesText: 'Sjå dei 38 kommunane i Trøndelag og regionane dei er grupperte i.',
    laterTitle: 'Dette kjem',
    laterText: 'Avtalar, tenester, aktivitetar, tiltak, spørjeundersøkingar og rapportar til finansiørar.',
  },
};
