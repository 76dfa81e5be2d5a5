import type { Catalogue } from '../../catalogue';

export const agreementTexts: Pick<Catalogue, 'agreements' | 'coverage'> = {
  agreements: {
    "list": {
      "title": "Agreements",
      "intro": "The cooperation agreements between study centres, libraries and other actors, with status and parties.",
      "searchLabel": "Search agreements",
      "statusFilter": "Status",
      "allStatuses": "All statuses",
      "kindFilter": "Kind",
      "allKinds": "All kinds",
      "partyFilter": "Study centre",
      "allParties": "All study centres",
      "regionFilter": "Region",
      "allRegions": "All regions",
      "caption": "Agreements",
      "columns": {
        "title": "Title",
        "status": "Status",
        "kind": "Kind",
        "parties": "Parties",
        "start": "Start",
        "end": "End"
      },
      "exportCsv": "Download CSV",
      "exportXlsx": "Download Excel",
      "resultCount_one": "{{formattedCount}} agreement",
      "resultCount_other": "{{formattedCount}} agreements",
      "noMatchTitle": "No agreements match",
      "noMatchHint": "Try another search, or remove some filters.",
      "emptyTitle": "No agreements yet",
      "emptyBody": "Once an agreement is registered, it shows here."
    },
    "detail": {
      "titleFallback": "Agreement",
      "notFound": "We could not find the agreement. It may have been deleted, or the address may be wrong.",
      "backToList": "Back to the agreements",
      "statusLabel": "Status:",
      "transitioned": "The agreement is now “{{status}}”.",
      "transitionFailed": "The status was not changed",
      "staleVersion": "Someone else saved the agreement before you. We have fetched the latest version; check it and try again.",
      "transitionConflict": "This change is not allowed from the agreement’s current status. Reload the page to see what is possible now.",
      "actionsTitle": "Next steps",
      "noTransitions": "There are no status changes you can make now.",
      "terminateTitle": "Terminate the agreement?",
      "terminateConfirm": "Terminate the agreement",
      "terminateBody": "“{{title}}” becomes Terminated. It no longer applies, the libraries it covers no longer count as covered, and it cannot be put into force again.",
      "factsTitle": "About the agreement",
      "renews": "Renews",
      "earlierVersion": "Earlier version",
      "renewedBy": "Renewed by",
      "laterVersion": "New version",
      "partiesTitle": "Parties and services",
      "acceptedOn": "accepted {{date}}",
      "commits": "Commits to:",
      "noServices": "No services are linked to this party.",
      "historyTitle": "History",
      "noHistory": "No status changes yet."
    },
    "fields": {
      "kind": "Kind",
      "startDate": "Start date",
      "endDate": "End date",
      "levels": "Levels",
      "themes": "Themes",
      "description": "Description"
    },
    "documents": {
      "title": "Documents",
      "none": "No documents have been uploaded.",
      "size": "{{size}} KB",
      "remove": "Remove {{filename}}",
      "removeTitle": "Remove the document?",
      "removeConfirm": "Remove the document",
      "removeBody": "“{{filename}}” is deleted from the agreement and cannot be restored.",
      "uploadLabel": "Upload the signed agreement",
      "uploadHelp": "PDF, at most 20 MB.",
      "uploading": "Uploading",
      "uploaded": "“{{filename}}” has been uploaded.",
      "notPdf": "The file must be a PDF.",
      "tooLarge": "The file is larger than 20 MB. Choose a smaller file."
    },
    "renewal": {
      "title": "Renew the agreement",
      "intro": "Create a new draft with the same parties and services, linked to this agreement.",
      "submit": "Renew"
    }
  },
  coverage: {
    "title": "Coverage",
    "intro": "Which public libraries are covered by a binding agreement with a study centre, municipality by municipality, and where the gaps are.",
    "regionLabel": "Region",
    "chooseRegion": "Choose a region",
    "noRegionTitle": "Choose a region",
    "noRegionBody": "Choose a region to see its coverage.",
    "share": "In {{region}}, {{covered}} of {{total}} municipalities are covered ({{percent}} %).",
    "gapsTitle": "Gaps in coverage",
    "noGaps": "Every library in the region is covered.",
    "gapMunicipalities": "Municipalities without coverage:",
    "tableTitle": "Municipalities and libraries",
    "columns": {
      "municipality": "Municipality",
      "library": "Library",
      "status": "Coverage",
      "agreements": "Agreement",
      "services": "Services"
    },
    "noLibrary": "No library registered",
    "covered": "Covered",
    "gap": "Not covered",
    "throughMainLibrary": "(through the main library)"
  },
};
