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
      "newAgreement": "Ny avtale",
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
      "historyTitle": "Statusendringar",
      "historyLink": "Historikk",
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
    "create": {
      "title": "Ny avtale",
      "intro": "Fyll ut avtalen steg for steg. Han blir lagra som eit utkast, og du flyttar han vidare på avtalesida etterpå.",
      "stepsLabel": "Steg i skjemaet",
      "stepOf": "Steg {{current}} av {{total}}",
      "stepDone": "ferdig",
      "stepCurrent": "du er her",
      "steps": {
        "basics": "Om avtalen",
        "parties": "Partar og roller",
        "services": "Tenester",
        "period": "Periode og tema",
        "review": "Sjå over og opprett"
      },
      "back": "Førre",
      "next": "Neste",
      "submit": "Opprett avtalen",
      "creating": "Opprettar …",
      "failed": "Avtalen vart ikkje oppretta",
      "forbidden": "Du har ikkje tilgang til å opprette avtalar.",
      "fields": {
        "title": "Tittel",
        "titleHelp": "Minst 3 teikn, til dømes «Samarbeidsavtale Namdal studiesenter og Namsos bibliotek».",
        "kind": "Type avtale",
        "description": "Samandrag",
        "descriptionHelp": "Kort om kva avtalen går ut på. Valfritt."
      },
      "parties": {
        "intro": "Ein avtale har minst to partar. Søk etter aktørar, legg dei til, og vel rolla til kvar.",
        "searchLabel": "Søk etter aktør",
        "searchHelp": "Skriv ein del av namnet.",
        "results": "Treff",
        "add": "Legg til {{name}}",
        "noResults": "Ingen aktørar passar søket.",
        "moreResults": "Viser {{shown}} av {{total}} treff. Skriv meir av namnet for å finne andre.",
        "chosen": "Valde partar",
        "none": "Ingen partar er lagde til enno.",
        "role": "Rolle for {{name}}",
        "remove": "Fjern {{name}}",
        "fixed": "Fast part",
        "added": "{{name}} er lagd til som part.",
        "removed": "{{name}} er fjerna som part.",
        "alreadyAdded": "lagd til"
      },
      "services": {
        "intro": "Kryss av for tenestene kvar part forpliktar seg til i avtalen. Berre tenester som er registrerte på aktøren, kan veljast.",
        "legend": "Tenester {{name}} forpliktar seg til",
        "none": "{{name}} har ingen registrerte tenester.",
        "loading": "Hentar tenestene til {{name}} …",
        "failed": "Vi fekk ikkje henta tenestene til {{name}}.",
        "noParties": "Legg til partar i steg 2 først."
      },
      "period": {
        "intro": "Alt på dette steget er valfritt, men gjer avtalen lettare å finne og følgje opp.",
        "datesHelp": "Sluttdatoen kan ikkje vere før startdatoen.",
        "levels": "Samarbeidsnivå",
        "themes": "Tematiske område"
      },
      "review": {
        "intro": "Sjå over avtalen. Når du opprettar han, blir han lagra som eit utkast.",
        "edit": "Endre «{{step}}»",
        "notChosen": "Ikkje valt",
        "parties": "Partar",
        "services": "Forpliktar seg til"
      },
      "errors": {
        "agreement_too_few_parties": "Legg til minst {{minimum}} ulike partar.",
        "agreement_duplicate_party": "Denne aktøren er allereie part. Fjern den eine.",
        "end_before_start": "Sluttdatoen er før startdatoen. Vel ein sluttdato etter startdatoen.",
        "service_not_found": "Tenesta finst ikkje lenger. Fjern krossen.",
        "service_not_of_party": "Ein part kan berre forplikte seg til sine eigne tenester.",
        "actor_not_found": "Vi finn ikkje denne aktøren. Fjern han og søk han opp på nytt."
      }
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
    "throughMainLibrary": "(gjennom hovudbiblioteket)",
    "matrix": {
      "title": "Tenester per kommune",
      "intro": "Kva bibliotek som gir tenestene studentane treng i kvar kommune, og under kva avtale.",
      "legend": "Avtalt: blir gitt under ein gjeldande avtale med studiesenteret. Utan avtale: biblioteket tilbyr tenesta, men ikkje under ein avtale. Ingen: ingen bibliotek i kommunen har registrert tenesta.",
      "caption": "Tenester per kommune i {{region}}",
      "scrollLabel": "Tenester per kommune (tabellen kan rullast sidelengs)",
      "municipality": "Kommune",
      "committed": "Avtalt",
      "offered": "Utan avtale",
      "none": "Ingen",
      "agreement": "avtale: {{title}}",
      "empty": "Regionen har ingen kommunar med bibliotek."
    }
  },
};
