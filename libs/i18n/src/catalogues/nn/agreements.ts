import type { Catalogue } from '../../catalogue';

export const agreementTexts: Pick<Catalogue, 'agreements' | 'coverage'> = {
  agreements: {
    "list": {
      "title": "Avtalar",
      "intro": "Samarbeidsavtalane mellom studiesenter, bibliotek og andre aktørar, med status og partar.",
      "searchLabel": "Søk i avtalar",
      "statusFilter": "Status",
      "allStatuses": "Alle statusar",
      "kindFilter": "Type",
      "allKinds": "Alle typer",
      "partyFilter": "Studiesenter",
      "allParties": "Alle studiesenter",
      "regionFilter": "Region",
      "allRegions": "Alle regionar",
      "caption": "Avtalar",
      "columns": {
        "title": "Tittel",
        "status": "Status",
        "kind": "Type",
        "parties": "Partar",
        "start": "Start",
        "end": "Slutt"
      },
      "exportCsv": "Last ned CSV",
      "exportXlsx": "Last ned Excel",
      "resultCount_one": "{{formattedCount}} avtale",
      "resultCount_other": "{{formattedCount}} avtalar",
      "noMatchTitle": "Ingen avtalar passar",
      "noMatchHint": "Prøv eit anna søk, eller fjern nokre filter.",
      "emptyTitle": "Ingen avtalar enno",
      "emptyBody": "Når ein avtale er registrert, blir han vist her."
    },
    "detail": {
      "titleFallback": "Avtale",
      "notFound": "Vi fann ikkje avtalen. Han kan vere sletta, eller adressa kan vere feil.",
      "backToList": "Tilbake til avtalane",
      "statusLabel": "Status:",
      "transitioned": "Avtalen har no status «{{status}}».",
      "transitionFailed": "Statusen vart ikkje endra",
      "staleVersion": "Nokon andre lagra avtalen før deg. Vi har henta den nyaste versjonen; sjå over og prøv igjen.",
      "transitionConflict": "Denne endringa er ikkje lov frå statusen avtalen har no. Last sida på nytt for å sjå kva som er mogleg no.",
      "actionsTitle": "Neste steg",
      "noTransitions": "Det er ingen statusendringar du kan gjere no.",
      "terminateTitle": "Avslutte avtalen?",
      "terminateConfirm": "Avslutt avtalen",
      "terminateBody": "«{{title}}» får status Avslutta. Avtalen gjeld ikkje lenger, biblioteka han dekkjer blir ikkje lenger rekna som dekte, og han kan ikkje setjast i kraft igjen.",
      "factsTitle": "Om avtalen",
      "renews": "Fornyer",
      "earlierVersion": "Førre versjon",
      "renewedBy": "Fornya av",
      "laterVersion": "Ny versjon",
      "partiesTitle": "Partar og tenester",
      "acceptedOn": "godteke {{date}}",
      "commits": "Forpliktar seg til:",
      "noServices": "Ingen tenester er knytte til denne parten.",
      "historyTitle": "Historikk",
      "noHistory": "Ingen statusendringar enno."
    },
    "fields": {
      "kind": "Type",
      "startDate": "Startdato",
      "endDate": "Sluttdato",
      "levels": "Nivå",
      "themes": "Tema",
      "description": "Beskrivelse"
    },
    "documents": {
      "title": "Dokument",
      "none": "Ingen dokument er lasta opp.",
      "size": "{{size}} kB",
      "remove": "Fjern {{filename}}",
      "removeTitle": "Fjerne dokumentet?",
      "removeConfirm": "Fjern dokumentet",
      "removeBody": "«{{filename}}» blir sletta frå avtalen og kan ikkje hentast tilbake.",
      "uploadLabel": "Last opp signert avtale",
      "uploadHelp": "PDF, høgst 20 MB.",
      "uploading": "Laster opp",
      "uploaded": "«{{filename}}» er lasta opp.",
      "notPdf": "Fila må vere ein PDF.",
      "tooLarge": "Fila er større enn 20 MB. Vel ei mindre fil."
    },
    "renewal": {
      "title": "Forny avtalen",
      "intro": "Lag eit nytt utkast med dei same partane og tenestene, knytt til denne avtalen.",
      "submit": "Forny"
    }
  },
  coverage: {
    "title": "Dekning",
    "intro": "Kva folkebibliotek som er dekte av ein gjeldande avtale med eit studiesenter, kommune for kommune, og kvar det er hol.",
    "regionLabel": "Region",
    "chooseRegion": "Vel region",
    "noRegionTitle": "Vel ein region",
    "noRegionBody": "Vel ein region for å sjå dekninga der.",
    "share": "I {{region}} er {{covered}} av {{total}} kommunar dekte ({{percent}} %).",
    "gapsTitle": "Hol i dekninga",
    "noGaps": "Alle biblioteka i regionen er dekte.",
    "gapMunicipalities": "Kommunar utan dekning:",
    "tableTitle": "Kommunar og bibliotek",
    "columns": {
      "municipality": "Kommune",
      "library": "Bibliotek",
      "status": "Dekning",
      "agreements": "Avtale",
      "services": "Tjenester"
    },
    "noLibrary": "Ingen bibliotek registrert",
    "covered": "Dekt",
    "gap": "Ikkje dekt",
    "throughMainLibrary": "(gjennom hovudbiblioteket)"
  },
};
