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
      "newAgreement": "New agreement",
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
      "historyTitle": "Status changes",
      "historyLink": "History",
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
    "create": {
      "title": "New agreement",
      "intro": "Fill in the agreement step by step. It is saved as a draft, and you move it on from the agreement's page afterwards.",
      "stepsLabel": "Steps of the form",
      "stepOf": "Step {{current}} of {{total}}",
      "stepDone": "done",
      "stepCurrent": "you are here",
      "steps": {
        "basics": "About the agreement",
        "parties": "Parties and roles",
        "services": "Services",
        "period": "Period and themes",
        "review": "Review and create"
      },
      "back": "Back",
      "next": "Next",
      "submit": "Create the agreement",
      "creating": "Creating …",
      "failed": "The agreement was not created",
      "forbidden": "You may not create agreements.",
      "fields": {
        "title": "Title",
        "titleHelp": "At least 3 characters, for example “Cooperation agreement Namdal study centre and Namsos library”.",
        "kind": "Kind of agreement",
        "description": "Summary",
        "descriptionHelp": "Briefly, what the agreement is about. Optional."
      },
      "parties": {
        "intro": "An agreement has at least two parties. Search for actors, add them, and choose each one's role.",
        "searchLabel": "Search for an actor",
        "searchHelp": "Type part of the name.",
        "results": "Results",
        "add": "Add {{name}}",
        "noResults": "No actor matches the search.",
        "moreResults": "Showing {{shown}} of {{total}} results. Type more of the name to find others.",
        "chosen": "Chosen parties",
        "none": "No parties added yet.",
        "role": "Role of {{name}}",
        "remove": "Remove {{name}}",
        "fixed": "Fixed party",
        "added": "{{name}} is added as a party.",
        "removed": "{{name}} is removed as a party.",
        "alreadyAdded": "added"
      },
      "services": {
        "intro": "Tick the services each party commits to under the agreement. Only services registered for the actor can be chosen.",
        "legend": "Services {{name}} commits to",
        "none": "{{name}} has no registered services.",
        "loading": "Fetching the services of {{name}} …",
        "failed": "We could not fetch the services of {{name}}.",
        "noParties": "Add parties in step 2 first."
      },
      "period": {
        "intro": "Everything in this step is optional, but makes the agreement easier to find and follow up.",
        "datesHelp": "The end date cannot be before the start date.",
        "levels": "Collaboration level",
        "themes": "Thematic areas"
      },
      "review": {
        "intro": "Review the agreement. When you create it, it is saved as a draft.",
        "edit": "Change “{{step}}”",
        "notChosen": "Not chosen",
        "parties": "Parties",
        "services": "Commits to"
      },
      "errors": {
        "agreement_too_few_parties": "Add at least {{minimum}} different parties.",
        "agreement_duplicate_party": "This actor is a party already. Remove one of them.",
        "end_before_start": "The end date is before the start date. Choose an end date after the start date.",
        "service_not_found": "The service no longer exists. Untick it.",
        "service_not_of_party": "A party can only commit to its own services.",
        "actor_not_found": "We cannot find this actor. Remove it and search for it again."
      }
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
    "throughMainLibrary": "(through the main library)",
    "matrix": {
      "title": "Services per municipality",
      "intro": "Which library gives the services students need in each municipality, and under which agreement.",
      "legend": "Agreed: given under an agreement in force with the study centre. Without agreement: the library offers the service, but not under an agreement. None: no library in the municipality has registered the service.",
      "caption": "Services per municipality in {{region}}",
      "scrollLabel": "Services per municipality (the table scrolls sideways)",
      "municipality": "Municipality",
      "committed": "Agreed",
      "offered": "Without agreement",
      "none": "None",
      "agreement": "agreement: {{title}}",
      "empty": "The region has no municipalities with libraries."
    }
  },
};
