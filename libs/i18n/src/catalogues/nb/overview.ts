export const overviewTexts = {
  overview: {
    title: 'Fylkeskonsoll',
    intro: 'Her samler fylket oversikten over kompetanseaktørene i Trøndelag og samarbeidet mellom dem.',
    nowTitle: 'Dette kan du gjøre nå',
    actorsLink: 'Aktører',
    actorsText: 'Søk i og vedlikehold registeret over bibliotek, studiesentre, universiteter og andre aktører.',
    municipalitiesLink: 'Kommuner',
    municipalitiesText: 'Se de 38 kommunene i Trøndelag og regionene de er gruppert i.',
    laterTitle: 'Dette kommer',
    laterText: 'Avtaler, tjenester, aktiviteter, tiltak, spørreundersøkelser og rapporter til finansiører.',
  },
};
