// Generated from the API's OpenAPI document by test/api-types.e2e.spec.ts; do not edit.
// After changing an answer's shape (apps/api/src/http/response-schemas.ts): npm run api:types
export interface paths {
    "/api/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List and search the cases I may see (by unit, social worker, process, state, overdue)
         * @description `search` finds a reference or journal reference, whole or by its beginning, through a keyed blind index (no case is opened to search), or a social worker by name; exact matches first.
         */
        get: operations["CasesController_list"];
        put?: never;
        /**
         * Open a case (impuls arrives at the unit)
         * @description The server chooses the case id and answers it (body and Location). The same Idempotency-Key from the same person reaches the same case.
         */
        post: operations["CasesController_open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case now: every process instance, plan, social worker, BIP phase, deadlines */
        get: operations["CasesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case events in order, a page at a time: who, when, what, the steps before and after, the answers in words; filtered by process, kind of event, person and period */
        get: operations["CasesController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/history/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every (filtered) event of the case at once, for utlämnande or tillsyn, as JSON, CSV or PDF; logged as an export */
        get: operations["CasesController_exportHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/as-of": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case as it was at a point in time */
        get: operations["CasesController_asOf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/next-steps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What my roles in the case's unit may do now, with JSON Schemas and Swedish labels */
        get: operations["CasesController_nextSteps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/processes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a toolbox process in the case */
        post: operations["CasesController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/processes/{instanceId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Do a step: send an event to a process instance */
        post: operations["CasesController_send"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/processes/{instanceId}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End a process instance before its last step, with a reason (next-steps lists who may, and why)
         * @description Its open deadlines close with it and its tasks leave the queues. The case stays open until it is closed (POST /api/cases/:caseId/close).
         */
        post: operations["CasesController_end"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/processes/{instanceId}/follow-up/hand-back": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hand an escalated follow-up back to Rehabansvarig (biträdande enhetschef), with a reason */
        post: operations["CasesController_handBack"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/processes/{instanceId}/wait": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record why the step an instance stands at waits, when the need is not the cause (seed 002)
         * @description Waiting on another party, or an interruption not caused by the need (a benefit or an agreement ending). The next step of the instance ends the wait; the statistics count each step's waits by reason.
         */
        post: operations["CasesController_recordWait"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/caseworker": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the responsible social worker (handläggarbyte) */
        post: operations["CasesController_changeCaseworker"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/rehabansvarig": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Name the case's Rehabansvarig, or change to another one
         * @description A Rehabansvarig of the case's unit, chosen from the staff directory. A change from another records the reason, whether the client knows whom to turn to, and a hand-over (toolbox.md, Continuity); naming the same one again is refused.
         */
        post: operations["CasesController_assignRehabansvarig"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/erasure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Erase (gallra) the case: destroys its key, so personal fields read [raderad]; who and why stay */
        post: operations["CasesController_erase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/progressionsplan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record or adjust the progressionsplan (Rehabansvarig) */
        post: operations["CasesController_recordPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/client-facts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the facts the statistics of insatser count: kön, age band, aktuell på bistånd, reason, target group
         * @description Coarse categories, not sealed: the reports of insatser break participants down by them and count target groups per unit. 422 when nothing changed.
         */
        post: operations["CasesController_recordClientFacts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/sa-ae": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record an application for sjukersättning or aktivitetsersättning
         * @description While it is open, Rehabansvarig keeps follow-up in samverkan med vården, and samverkan cannot be closed. 422 when one is already open.
         */
        post: operations["CasesController_recordSaAeApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/sa-ae/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record Försäkringskassan's decision, which closes the open SA/AE application
         * @description 422 when no application is open, or when the decision predates it.
         */
        post: operations["CasesController_recordSaAeDecision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/processes/{instanceId}/tasks/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take a task of my role's queue, hand it to a colleague of the role, or put it back
         * @description Only an open task of a role's queue: the social worker's tasks follow the case's responsible social worker. The new holder must hold the task's role in the case's unit.
         */
        post: operations["TasksController_assign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/processes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every process definition (latest version) */
        get: operations["ProcessesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/processes/{definitionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One process definition: steps, lanes, payload schemas, deadlines */
        get: operations["ProcessesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/processes/{definitionId}/bpmn": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The definition as BPMN 2.0 XML (lanes, tasks, gateways, timers) */
        get: operations["ProcessesController_bpmn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/processes/{definitionId}/mermaid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The definition as a Mermaid state diagram */
        get: operations["ProcessesController_mermaid"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/queues/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tasks assigned to me, and to the absent colleagues I cover for today */
        get: operations["WorkController_mine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/queues/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The rows of the progressionsplans in my cases that are not done yet, the earliest day first
         * @description Each row is a task with its day (När); tick it done with POST /api/cases/:caseId/progressionsplan/items/:row.
         */
        get: operations["WorkController_plan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/queues/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My roles' unassigned tasks, in the units where I hold them */
        get: operations["WorkController_role"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/queues/team/{unit}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A unit's tasks, for its biträdande enhetschef */
        get: operations["WorkController_team"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My notifications, and those to my role; newest first, each read or not, and how many are unread */
        get: operations["WorkController_notifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/unread": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many of my notifications I have not read: no case data, so not an access-log entry */
        get: operations["WorkController_unread"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark my notifications read: some by id, or all of them; an id that is not mine is refused */
        post: operations["WorkController_markRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deadlines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open deadlines by due time */
        get: operations["SupervisionController_deadlines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/follow-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who owns follow-up of each case, since when, and whether by escalation
         * @description Each with the owner's last follow-up (their last step in the process, or when they took it over) and whether three months have passed since, which flags it to the biträdande enhetschef.
         */
        get: operations["SupervisionController_followUp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/statistics/bip-phases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** BIP phase distribution per unit and month */
        get: operations["SupervisionController_bipPhases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/statistics/process-steps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Running process instances per step */
        get: operations["SupervisionController_processSteps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/statistics/step-waits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Time spent in each process step, per process and unit
         * @description Instances standing at each step now and their longest wait so far; instances that left it, with the median and longest time they stood there. Days, from when the steps were recorded.
         */
        get: operations["SupervisionController_stepWaits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/statistics/caseworker-changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Caseworker changes per case; flagged at two or more in twelve months */
        get: operations["SupervisionController_caseworkerChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Walk the hash chains (operator: the whole store; supervisor: their units’ cases); report the first event altered, removed or added */
        get: operations["AdminController_verifyAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/projections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read-model status: position, events applied, lag, rebuild progress */
        get: operations["AdminController_projections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/projections/rebuild": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Drop every read model and rebuild it from the log; follow progress on GET */
        post: operations["AdminController_rebuild"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/mail/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send what the outbox holds now: each message once, failures tried again later */
        post: operations["AdminController_runMail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/mail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest e-mail deliveries: kind, subject, link and status; no address and nothing of a case */
        get: operations["AdminController_mail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/deadlines/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Fire every deadline that is due now (the worker also runs on its interval) */
        post: operations["AdminController_runDeadlines"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/access-log/cases/{caseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who looked at this case, when, in which view; newest first */
        get: operations["AccessLogController_byCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/access-log/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which cases a person looked at in a period (only cases I may see); newest first */
        get: operations["AccessLogController_byUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live updates (text/event-stream): ids of my cases whose read models changed */
        get: operations["LiveController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/insatser": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search the catalogue of insatser
         * @description Every unit sees every entry: the catalogue names measures, never people. Occupancy (taken) and the waiting list (queued) are counted from the placements.
         */
        get: operations["InsatserController_list"];
        put?: never;
        /**
         * Register an insats in the catalogue
         * @description Only an insatsansvarig of the providing unit. The entry's every field is checked; it starts active, as version 1.
         */
        post: operations["InsatserController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/catalogue-form": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The catalogue entry's form and the names of its choices
         * @description The JSON Schema of an entry, with the Swedish labels a form shows, and the Swedish names of every kind, trappsteg, adaptation, BIP type, status, period and statistics report, for lists and filters.
         */
        get: operations["InsatserController_form"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/insatser/{insatsId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One catalogue entry with every version it has had, newest first */
        get: operations["InsatserController_get"];
        /**
         * Revise an entry: the whole entry as its next version
         * @description If-Match must carry the version the revision was made against; a newer one answers 409 with the current version. Placements keep the version and price they started on.
         */
        put: operations["InsatserController_revise"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/insatser/{insatsId}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause an entry: no new placements; those running go on */
        post: operations["InsatserController_pause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/insatser/{insatsId}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take a paused entry up again */
        post: operations["InsatserController_resume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/insatser/{insatsId}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close an entry for good
         * @description Refused (422) while placements are assigned or running: pause it instead. Entries are never deleted.
         */
        post: operations["InsatserController_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/placements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Placements on insatser, with when each follow-up is due
         * @description Of the cases the caller may see. `mine` gives a social worker's own, `overdue` the follow-ups past due, `flagged` those more than 14 days late that the biträdande enhetschef sees, `dueWithinDays` those due soon. Due soonest first.
         */
        get: operations["InsatserController_placements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/statistics/insatser/{report}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One report on insatser: participants, outcomes, lead times, waiting, occupancy, follow-ups, unmet needs, cost
         * @description Reports: participants, participants-by-group, outcomes, lead-times, waiting, occupancy, follow-ups, unmet-needs, target-groups, cost. `scope=city` gives every unit with cells under 5 withheld (shown as "<5"); the default, `unit`, the caller's own units exactly (biträdande enhetschef, auditor).
         */
        get: operations["InsatsStatisticsController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/statistics/insatser/{report}/csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The same report as CSV, for a spreadsheet
         * @description Semicolon separated with a byte-order mark and the Swedish column names, so Excel opens it as it is.
         */
        get: operations["InsatsStatisticsController_csv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/partner-placements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Placements on my unit's insatser, those waiting for our answer first
         * @description No case, reference or social worker: only the placement, its insats and the placing unit.
         */
        get: operations["PartnerPlacementsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/partner-placements/{placementId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One placement with the arbetsplan's mål, delmål and arbetsuppgifter, and nothing else of it
         * @description The plan is case data: opened for the providing unit only, and the reading is in the access log.
         */
        get: operations["PartnerPlacementsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/partner-placements/{placementId}/{step}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept or decline a placement, or report attendance or an observation
         * @description `step` is accept, decline, attendance or observation; the body is the step's payload (the insats's own process, `insats`).
         */
        post: operations["PartnerPlacementsController_step"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/referral-units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The units that take referrals, each with its current form as a schema
         * @description A referral is written on the form version given here and names it when it is sent.
         */
        get: operations["ReferralsController_receivingUnits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/referrals/received": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Referrals sent to my unit, those to review first
         * @description No case, reference or client: the referral number, the sender block and where it stands.
         */
        get: operations["ReferralsController_received"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/referrals/received/{referralNumber}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One referral with its de-identified summary, the komplettering thread and the decision
         * @description The summary is case data: opened for the receiving unit only, and the reading is in the access log.
         */
        get: operations["ReferralsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/referrals/received/{referralNumber}/{step}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a komplettering, record the decision, return the referral, or record the admission
         * @description `step` is komplettering, decide, return, admit or decline-admission; the body is the step's payload (the process `aktualisering`). An admission starts the placement in the sender's case.
         */
        post: operations["ReferralsController_step"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/referrals/sent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My own referrals, the newest first, with the decisions on them
         * @description The motivation and the thread are opened for the cases the reader may see; the reading is logged.
         */
        get: operations["ReferralsController_sent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case's notes and references to handlings, the newest day first */
        get: operations["CaseNotesController_list"];
        put?: never;
        /**
         * Write a dated note on the case
         * @description Never edited: a later note corrects an earlier one. The text is sealed with the case.
         */
        post: operations["CaseNotesController_note"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record where a handling is kept in the journal system: its kind, date and id there */
        post: operations["CaseNotesController_document"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close the case (avsluta), with a reason
         * @description Refused while a process runs. A closed case takes no new process, plan or responsible social worker until it is reopened; its plan rows are no one’s tasks.
         */
        post: operations["CaseLifecycleController_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a closed case again, saying why */
        post: operations["CaseLifecycleController_reopen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/reference": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Correct the case’s reference or its id in the journal system
         * @description The same rules as at opening; both sealed. Search finds the case by the new one within seconds.
         */
        post: operations["CaseLifecycleController_changeReference"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/processes/{instanceId}/correct": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Correct the latest step of a process, recorded by mistake
         * @description A correcting event: the process stands where it stood before the step, the deadlines the step set are lifted and those it lifted set again. Only by the person who recorded it or the biträdande enhetschef, only while nothing else has happened in the process, and not a step that ended it, started another or recorded the plan.
         */
        post: operations["CaseLifecycleController_correct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/progressionsplan/items/{row}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Tick a row of the progressionsplan as done ("Gjort"), or take the tick back */
        post: operations["CaseLifecycleController_checkPlanItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A month's basis for internal billing, what my units pay and are paid */
        get: operations["BillingController_basis"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same basis as CSV, semicolon separated, for the finance system or a spreadsheet */
        get: operations["BillingController_csv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How to sign in here: the OIDC issuer, or the development sign-in */
        get: operations["AuthController_signInConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who I am signed in as: id, name, my roles per unit, my e-mail address and whether I turned e-mail off */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me/case-filters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My saved filters of the case list, in the order I saved them */
        get: operations["AuthController_caseFilters"];
        /** Replace my saved case-list filters (at most 20; names unique; the filters only, never a search text) */
        put: operations["AuthController_saveCaseFilters"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me/mail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Turn e-mail about what waits for me off, or on again (it holds only the kind of thing and a link) */
        put: operations["AuthController_setMail"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{unit}/workload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The team's work per person: cases, cases with a passed deadline, open and overdue tasks
         * @description Counts only, no case: for the unit's biträdande enhetschef (and auditor), every social worker of the unit and anyone else holding its cases or tasks.
         */
        get: operations["StaffController_workload"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{unit}/social-workers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The unit's social workers, to choose a case's responsible one from
         * @description Everyone who has signed in as socialsekreterare in the unit (and, in development, the demo users), each with their mentor in the introduktionsprogram (null when none). Only for members of the unit.
         */
        get: operations["StaffController_socialWorkers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{unit}/colleagues/{role}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The unit's people in a role whose queue tasks can be handed over, to hand one to
         * @description Roles: rehabansvarig, case_manager, sip_stodjare, bitradande_enhetschef. Only for members of the unit.
         */
        get: operations["StaffController_colleagues"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{unit}/covers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The unit's covers for absent social workers that have not ended */
        get: operations["StaffController_covers"];
        put?: never;
        /**
         * Let one social worker cover for an absent colleague, from one day to another (at most three months)
         * @description The cover sees the absent worker's tasks among their own and the absent worker's current cases, while the period runs; every read is logged as the cover's own. Granted again, the new period replaces the old.
         */
        post: operations["StaffController_grantCover"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{unit}/covers/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a cover before its last day */
        post: operations["StaffController_endCover"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{unit}/mentors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The unit's mentors, to choose a social worker's mentor from
         * @description Everyone who has signed in as mentor in the unit. Only for members of the unit.
         */
        get: operations["StaffController_mentors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{unit}/social-workers/{userId}/mentor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Name the mentor of a social worker in the introduktionsprogram, or end the mentorship
         * @description The mentor then reads the cases the social worker is responsible for, read-only and in the access log, and gets the progressionsplan's copy. Only the unit's biträdande enhetschef; `mentorId` null or absent ends it.
         */
        put: operations["StaffController_assignMentor"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/dev/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Development sign-in: the demo users, every role in two units */
        get: operations["DevSignInController_users"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/dev/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Development sign-in: a bearer token for a demo user (rate limited) */
        post: operations["DevSignInController_signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        OpenCaseDto: {
            reference: string;
            journalRef?: string;
            unit: string;
            socialWorkerId: string;
        };
        StartProcessDto: {
            definitionId: string;
            instanceId?: string;
        };
        SendEventDto: {
            event: string;
            payload?: Record<string, never>;
        };
        EndProcessPayload: {
            /**
             * Varför avslutas processen?
             * @enum {string}
             */
            reason: "assessment-no" | "consent-declined" | "offer-declined" | "client-left-unit" | "other-tool" | "other";
            /**
             * Kommentar
             * @description Krävs när skälet är ”Annat skäl”. Skriv inga personuppgifter.
             */
            note?: string;
        };
        HandBack: {
            /**
             * Varför lämnas uppföljningen tillbaka?
             * @enum {string}
             */
            reason: "actions-taken" | "planning-carried-out" | "agreed-with-rehabansvarig";
        };
        RecordStepWaitDto: {
            /**
             * Varför väntar steget?
             * @enum {string}
             */
            reason: "vantar-varden" | "vantar-forsakringskassan" | "vantar-arbetsformedlingen" | "vantar-leverantor" | "vantar-annan-part" | "avbrott-ersattning" | "avbrott-avtal" | "avbrott-annat";
            /**
             * Sedan
             * Format: date
             */
            since: string;
            /**
             * Anteckning
             * @description Till exempel vem ni väntar på och vad ni har gjort.
             */
            note?: string;
        };
        ChangeCaseworkerDto: {
            socialWorkerId: string;
            /**
             * Skäl till bytet
             * @enum {string}
             */
            reason: "slutat-bytt-tjanst" | "franvaro" | "omfordelning" | "klientens-onskemal" | "annat";
            /**
             * Beskriv skälet
             * @description Krävs när skälet är ”Annat”.
             */
            reasonNote?: string;
            /**
             * Klienten är informerad
             * @description Lämna tomt om klienten inte har fått veta ännu.
             */
            clientInformed?: {
                /**
                 * Vem informerade klienten
                 * @enum {string}
                 */
                by?: "tidigare-socialsekreterare" | "ny-socialsekreterare" | "bitradande-enhetschef";
                /**
                 * Datum
                 * Format: date
                 */
                on?: string;
                /**
                 * Hur
                 * @enum {string}
                 */
                how?: "telefon" | "brev" | "besok" | "digitalt";
                /**
                 * Klienten har fått den nya socialsekreterarens kontaktuppgifter
                 * @enum {boolean}
                 */
                contactGiven?: true;
            };
            /**
             * Överlämning till den nya socialsekreteraren
             * @description Nuläge, pågående processer och nästa steg, överenskommelser med klienten och vad klienten redan har berättat.
             */
            handover?: string;
        };
        AssignRehabansvarigDto: {
            rehabansvarigId: string;
            /** @enum {string} */
            reason?: "slutat-bytt-tjanst" | "franvaro" | "omfordelning" | "klientens-onskemal" | "annat";
            reasonNote?: string;
            clientInformed?: boolean;
            handover?: string;
        };
        EraseCaseDto: {
            /** @enum {string} */
            reason: "retention-expired" | "gallringsbeslut" | "registrerads-begaran";
            decision: string;
        };
        Progressionsplan: {
            /**
             * Kategori
             * @description Verktygslådans kategori avgör vem som gör vad och vem som följer upp.
             * @enum {number}
             */
            category: 1 | 2 | 3 | 4 | 5;
            /**
             * Ansvarig för uppföljning
             * @enum {string}
             */
            followUpOwner: "rehabansvarig" | "bitradande_enhetschef";
            /** Planens punkter */
            items: {
                /** Vad */
                vad: string;
                /** Vem */
                vem: string;
                /**
                 * När
                 * Format: date
                 */
                nar: string;
                /** Varför */
                varfor: string;
                /** Gjort */
                gjort: boolean;
            }[];
        };
        ClientFacts: {
            /**
             * Kön
             * @enum {string}
             */
            kon: "kvinna" | "man" | "annat" | "uppgift_saknas";
            /**
             * Åldersgrupp
             * @description Klientens ålder i dag. Registrera på nytt när den ändras.
             * @enum {string}
             */
            ageBand: "18-24" | "25-29" | "30-39" | "40-49" | "50-59" | "60-";
            /**
             * Aktuell på ekonomiskt bistånd sedan
             * Format: date
             */
            aktuellSedan: string;
            /**
             * Huvudsaklig orsak till bistånd
             * @enum {string}
             */
            reasonCode: "arbetslos" | "sjukskriven" | "ohalsa_utan_intyg" | "sociala_skal" | "foraldraledig" | "otillracklig_inkomst" | "annat";
            /**
             * Målgrupp
             * @enum {string}
             */
            targetGroup: "arbetsmarknadsinsatser" | "etableringsprogrammet" | "sjukskriven_helt" | "omfattande_ohalsa" | "foraldraledig" | "pension" | "gymnasiestuderande" | "missbruk_planering" | "vard" | "frivarden" | "ansokan_forsakringskassan";
        };
        SaAeApplication: {
            /**
             * Ansökan gäller
             * @enum {string}
             */
            kind: "sjukersattning" | "aktivitetsersattning";
            /**
             * Ansökan lämnades in
             * Format: date
             */
            appliedOn: string;
        };
        SaAeDecision: {
            /**
             * Försäkringskassans beslut
             * @enum {string}
             */
            outcome: "beviljad" | "delvis-beviljad" | "avslag" | "aterkallad";
            /**
             * Beslutsdatum
             * Format: date
             */
            decidedOn: string;
        };
        AssignTaskDto: {
            statePath: string;
            /** @description A user id, or null for the role’s queue */
            to?: string | null;
        };
        MarkNotificationsReadDto: {
            ids?: string[];
            all?: boolean;
        };
        RegisterInsatsDto: {
            providingUnit: string;
            /** Namn */
            name: string;
            /**
             * Anordnare
             * @enum {string}
             */
            providerKind: "stadsdelsforvaltning" | "arbetsmarknadsenhet" | "forvaltning" | "iop" | "forening";
            /**
             * Inriktning
             * @enum {string}
             */
            kind: "arbetstraning" | "arbetsprovning" | "osa" | "utomhusarbete" | "malning" | "flytt" | "snickeri" | "textil" | "second_hand" | "atervinning" | "data" | "svets" | "cykelverkstad" | "bakverk" | "konferens" | "bokvard" | "administration" | "halsa" | "motivation" | "kommunikativ_svenska";
            /**
             * Branschområde
             * @enum {string}
             */
            branschomrade?: "kost_hygien_service" | "tillverkning_underhall" | "park_tradgard";
            /**
             * Trappsteg
             * @enum {string}
             */
            trappsteg: "sysselsattning" | "arbetsinriktad_rehabilitering" | "arbete_med_samhallsstod";
            /**
             * Typ av insats enligt BIP
             * @enum {string}
             */
            bipType: "jobbfokuserande" | "kompetenshojande" | "social" | "halsorelaterad";
            /** Målgrupp */
            malgrupp: string;
            /**
             * Kriterier för att delta
             * @description Ett kriterium per rad.
             */
            criteria: string[];
            /** Antal platser */
            places: number;
            /** Kostnad per plats */
            cost: {
                /** Kostnad per plats (kr) */
                amountSek?: number;
                /**
                 * Period
                 * @enum {string}
                 */
                period?: "month" | "year";
                /**
                 * Gäller från
                 * Format: date
                 */
                validFrom?: string;
            };
            /**
             * Öppen för andra enheter
             * @enum {string}
             */
            openTo: "egen_enhet" | "alla_enheter" | "utvalda_enheter";
            /** Enheter som får placera */
            openToUnits?: string[];
            /** Pris per plats för andra enheter (kr) */
            priceForOtherUnitsSek?: number;
            /** Tar emot deltagare från andra myndigheter */
            acceptsOtherAuthorities: boolean;
            /** Anpassningar */
            adaptations: ("sprakstod" | "fysisk_funktionsnedsattning" | "unga_under_25" | "psykisk_ohalsa" | "parallellt_med_behandling")[];
            /** Omfattning */
            scope: {
                /** Timmar */
                hours?: number;
                /**
                 * Per
                 * @enum {string}
                 */
                per?: "day" | "week";
            };
            /**
             * Finansiering
             * @enum {string}
             */
            funding?: "anslag" | "projektmedel" | "esf";
            /**
             * Gäller från
             * Format: date
             */
            validFrom: string;
            /**
             * Gäller till
             * Format: date
             */
            validTo?: string;
        };
        InsatsEntry: {
            /** Namn */
            name: string;
            /**
             * Anordnare
             * @enum {string}
             */
            providerKind: "stadsdelsforvaltning" | "arbetsmarknadsenhet" | "forvaltning" | "iop" | "forening";
            /**
             * Inriktning
             * @enum {string}
             */
            kind: "arbetstraning" | "arbetsprovning" | "osa" | "utomhusarbete" | "malning" | "flytt" | "snickeri" | "textil" | "second_hand" | "atervinning" | "data" | "svets" | "cykelverkstad" | "bakverk" | "konferens" | "bokvard" | "administration" | "halsa" | "motivation" | "kommunikativ_svenska";
            /**
             * Branschområde
             * @enum {string}
             */
            branschomrade?: "kost_hygien_service" | "tillverkning_underhall" | "park_tradgard";
            /**
             * Trappsteg
             * @enum {string}
             */
            trappsteg: "sysselsattning" | "arbetsinriktad_rehabilitering" | "arbete_med_samhallsstod";
            /**
             * Typ av insats enligt BIP
             * @enum {string}
             */
            bipType: "jobbfokuserande" | "kompetenshojande" | "social" | "halsorelaterad";
            /** Målgrupp */
            malgrupp: string;
            /**
             * Kriterier för att delta
             * @description Ett kriterium per rad.
             */
            criteria: string[];
            /** Antal platser */
            places: number;
            /** Kostnad per plats */
            cost: {
                /** Kostnad per plats (kr) */
                amountSek?: number;
                /**
                 * Period
                 * @enum {string}
                 */
                period?: "month" | "year";
                /**
                 * Gäller från
                 * Format: date
                 */
                validFrom?: string;
            };
            /**
             * Öppen för andra enheter
             * @enum {string}
             */
            openTo: "egen_enhet" | "alla_enheter" | "utvalda_enheter";
            /** Enheter som får placera */
            openToUnits?: string[];
            /** Pris per plats för andra enheter (kr) */
            priceForOtherUnitsSek?: number;
            /** Tar emot deltagare från andra myndigheter */
            acceptsOtherAuthorities: boolean;
            /** Anpassningar */
            adaptations: ("sprakstod" | "fysisk_funktionsnedsattning" | "unga_under_25" | "psykisk_ohalsa" | "parallellt_med_behandling")[];
            /** Omfattning */
            scope: {
                /** Timmar */
                hours?: number;
                /**
                 * Per
                 * @enum {string}
                 */
                per?: "day" | "week";
            };
            /**
             * Finansiering
             * @enum {string}
             */
            funding?: "anslag" | "projektmedel" | "esf";
            /**
             * Gäller från
             * Format: date
             */
            validFrom: string;
            /**
             * Gäller till
             * Format: date
             */
            validTo?: string;
        };
        PauseInsatsDto: {
            reason: string;
        };
        CaseNote: {
            /**
             * Datum
             * Format: date
             * @description Den dag anteckningen gäller.
             */
            writtenOn: string;
            /** Anteckning */
            text: string;
        };
        DocumentReference: {
            /**
             * Typ av handling
             * @enum {string}
             */
            kind: "ansokan" | "beslut" | "utredning" | "lakarintyg" | "samtycke" | "remiss" | "skrivelse" | "annat";
            /**
             * Handlingens datum
             * Format: date
             */
            dated: string;
            /** Id i dokumenthanteringen */
            documentId: string;
            /** Kommentar */
            comment?: string;
        };
        CaseClosing: {
            /**
             * Skäl
             * @enum {string}
             */
            reason: "self-supporting" | "moved" | "other-support" | "no-longer-applies" | "other";
            /** Kommentar */
            note?: string;
        };
        CaseReopening: {
            /** Varför ärendet öppnas igen */
            note: string;
        };
        ReferenceChange: {
            /**
             * Referens
             * @description Initialer och födelseår och -månad, till exempel AB 1963-04. Aldrig ett namn.
             */
            reference?: string;
            /** Id i dokumenthanteringen */
            journalRef?: string;
        };
        CorrectStepDto: {
            stepRevision: number;
            /**
             * Vad blev fel
             * @description Till exempel att steget registrerades för tidigt, i fel ärende eller med fel svar.
             */
            reason: string;
        };
        CheckPlanItemDto: {
            done: boolean;
        };
        SavedCaseFiltersDto: {
            filters: {
                name: string;
                filter: {
                    unit?: string;
                    socialWorkerId?: string;
                    process?: string;
                    state?: string;
                    overdue?: boolean;
                    /** @enum {number} */
                    bipPhase?: 0 | 1 | 2 | 3 | 4;
                    /** @enum {string} */
                    sort?: "updated" | "opened" | "due" | "socialWorker";
                };
            }[];
        };
        MailPreferenceDto: {
            optOut: boolean;
        };
        GrantCoverDto: {
            /** Format: date */
            from: string;
            /** Format: date */
            until: string;
            absentId: string;
            coverId: string;
        };
        CoverPairDto: {
            absentId: string;
            coverId: string;
        };
        MentorDto: {
            /** @description The mentor’s user id; null ends it */
            mentorId?: string | null;
        };
        DevSignInDto: {
            /** @enum {string} */
            userId: "jarva-1-ss" | "jarva-1-ss2" | "jarva-1-rehab" | "jarva-1-cm" | "jarva-1-sip" | "jarva-1-mentor" | "jarva-1-bec" | "jarva-1-insats" | "jarva-1-ak" | "jarva-1-al" | "jarva-1-stat" | "jarva-1-revisor" | "jarva-1-drift" | "rinkeby-2-ss" | "rinkeby-2-ss2" | "rinkeby-2-rehab" | "rinkeby-2-cm" | "rinkeby-2-sip" | "rinkeby-2-mentor" | "rinkeby-2-bec" | "rinkeby-2-insats" | "rinkeby-2-ak" | "rinkeby-2-al" | "rinkeby-2-stat" | "rinkeby-2-revisor" | "rinkeby-2-drift";
        };
        Membership: {
            unit: string;
            roles: string[];
            unitName?: string;
        };
        Me: {
            id: string;
            name: string;
            memberships: components["schemas"]["Membership"][];
            email?: string;
            mailOptOut: boolean;
        };
        MailPreference: {
            optOut: boolean;
        };
        UnitCovers: {
            unit: string;
            covers: {
                absentId: string;
                absentName: string;
                coverId: string;
                coverName: string;
                unit: string;
                from: string;
                until: string;
                grantedBy: string;
                grantedByName: string;
                /** Format: date-time */
                grantedAt: string;
            }[];
        };
        UnitWorkload: {
            unit: string;
            people: {
                userId: string;
                name: string;
                cases: number;
                overdueCases: number;
                openTasks: number;
                overdueTasks: number;
            }[];
        };
        SavedCaseFilters: {
            filters: {
                name: string;
                filter: {
                    [key: string]: unknown;
                };
            }[];
        };
        MailReport: {
            /** Format: date-time */
            at: string;
            sent: {
                notificationId: string;
                userId: string;
            }[];
            failed: {
                notificationId: string;
                userId: string;
                code: string;
                /** Format: date-time */
                retryAt: string;
            }[];
            skipped: {
                notificationId: string;
                userId: string;
                reason: string;
            }[];
        };
        MailDeliveries: {
            /** @enum {string} */
            transport: "off" | "preview" | "smtp";
            items: {
                notificationId: string;
                userId: string;
                kind: string | null;
                /** @enum {string} */
                status: "sent" | "claimed" | "retrying";
                attempts: number;
                subject: string | null;
                link: string | null;
                /** Format: date-time */
                sentAt: string | null;
                /** Format: date-time */
                retryAt: string | null;
                lastCode: string | null;
            }[];
        };
        DemoUsers: {
            units: {
                id: string;
                name: string;
            }[];
            users: {
                id: string;
                name: string;
                memberships: components["schemas"]["Membership"][];
            }[];
        };
        SignInConfig: {
            /** @enum {string} */
            kind: "development";
            users: string;
            signIn: string;
        } | {
            /** @enum {string} */
            kind: "oidc";
            issuer: string;
            audience: string;
            clientId: string | null;
            scopes: string;
        };
        AccessToken: {
            accessToken: string;
            tokenType: string;
            expiresIn: number;
            user: components["schemas"]["Me"];
        };
        StepSchema: {
            type?: string;
            title?: string;
            description?: string;
            format?: string;
            enum?: (string | number | boolean)[];
            "x-enumLabels"?: {
                [key: string]: string;
            };
            "x-notAfterToday"?: boolean;
            "x-staffRole"?: string;
            "x-insats"?: boolean;
            "x-receivingUnit"?: boolean;
            "x-section"?: string;
            "x-startsFrom"?: string;
            properties?: {
                [key: string]: components["schemas"]["StepSchema"];
            };
            required?: string[];
            items?: components["schemas"]["StepSchema"];
            minItems?: number;
            maxItems?: number;
            minLength?: number;
            maxLength?: number;
            minimum?: number;
            maximum?: number;
            additionalProperties?: boolean;
        };
        StaffList: {
            unit: string;
            socialWorkers: {
                id: string;
                name: string;
                mentorId: string | null;
            }[];
        };
        MentorList: {
            unit: string;
            mentors: {
                id: string;
                name: string;
            }[];
        };
        ColleagueList: {
            unit: string;
            role: string;
            people: {
                id: string;
                name: string;
            }[];
        };
        Mentorship: {
            unit: string;
            userId: string;
            mentorId: string | null;
        };
        WriteResult: {
            caseId: string;
            revision: number;
            events: string[];
        };
        StartedProcess: {
            caseId: string;
            instanceId: string;
            revision: number;
            events: string[];
        };
        QueueTask: {
            caseId: string;
            reference: string | "[skyddad]";
            unit: string;
            instanceId: string;
            definitionId: string;
            process: string;
            step: {
                statePath: string;
                title: string;
                kind: string;
            };
            lane: string;
            assignee: string | null;
            /** Format: date-time */
            since: string;
            /** Format: date-time */
            dueAt: string | null;
            deadline: string | null;
            overdue: boolean;
            escalated: boolean;
            escalationReason: string | null;
            missedDeadline: {
                title: string;
                /** Format: date-time */
                dueAt: string;
            } | null;
        };
        QueueTaskPage: {
            late: number;
            items: components["schemas"]["QueueTask"][];
            total: number;
            limit: number;
            offset: number;
        };
        PlanItem: {
            vad: string;
            vem: string;
            nar: string;
            varfor: string;
            gjort: boolean;
        };
        PlanTask: {
            caseId: string;
            reference: string | "[skyddad]";
            unit: string;
            row: number;
            dueOn: string;
            late: boolean;
            item: components["schemas"]["PlanItem"] | "[skyddad]";
        };
        PlanTaskPage: {
            items: components["schemas"]["PlanTask"][];
            total: number;
            limit: number;
            offset: number;
        };
        ProcessInstanceView: {
            instanceId: string;
            definitionId: string;
            version: number;
            process: string;
            /** @enum {string} */
            status: "active" | "completed" | "ended";
            ended: {
                reason: string;
                label: string;
                /** Format: date-time */
                at: string;
                by: string;
                role: string | null;
            } | null;
            waiting: {
                reason: string;
                label: string;
                /** @enum {string} */
                kind: "annan-part" | "avbrott";
                since: string;
                note: (string | null) | "[skyddad]";
                /** Format: date-time */
                recordedAt: string;
            } | null;
            lastStep: {
                revision: number;
                event: string;
                label: string;
                by: string;
                role: string | null;
                /** Format: date-time */
                at: string;
            } | null;
            state: unknown;
            bpmnElementIds: string[];
            context: {
                [key: string]: unknown;
            };
            steps: {
                statePath: string;
                title: string;
                lane: string;
                laneLabel: string;
            }[];
        };
        CaseView: {
            caseId: string;
            revision: number;
            reference: string | "[skyddad]";
            journalRef: (string | null) | "[skyddad]";
            unit: string;
            socialWorkerId: string;
            closed: {
                /** Format: date-time */
                at: string;
                by: string;
                reason: string;
                label: string;
                note: (string | null) | "[skyddad]";
            } | null;
            caseworkerChanges: number;
            lastCaseworkerChange: {
                from: string | null;
                to: string;
                /** Format: date-time */
                at: string;
                by: string;
                reason: string | null;
                reasonLabel: string | null;
                reasonNote: (string | null) | "[skyddad]";
                clientInformed: {
                    by: string;
                    on: string;
                    how: string;
                    contactGiven: boolean;
                } | null;
                handover: (string | null) | "[skyddad]";
            } | null;
            rehabansvarigId: string | null;
            lastRehabansvarigChange: {
                from: string | null;
                to: string;
                /** Format: date-time */
                at: string;
                by: string;
                reason: string;
                reasonLabel: string;
                reasonNote: (string | null) | "[skyddad]";
                clientInformed: boolean;
                handover: string | "[skyddad]";
            } | null;
            saAe: {
                open: {
                    kind: string;
                    label: string;
                    appliedOn: string;
                } | null;
                lastDecision: {
                    kind: string;
                    outcome: string;
                    decidedOn: string;
                    label: string;
                } | null;
            };
            clientFacts: {
                kon: string;
                ageBand: string;
                aktuellSedan: string;
                reasonCode: string;
                targetGroup: string;
                /** Format: date-time */
                recordedAt: string;
                labels: {
                    kon: string;
                    ageBand: string;
                    reasonCode: string;
                    targetGroup: string;
                };
            } | null;
            caseworkerChangesLastTwelveMonths: number;
            followUps: {
                instanceId: string;
                process: string;
                role: string;
                label: string;
                /** Format: date-time */
                since: string;
                reason: string | null;
                escalated: boolean;
            }[];
            bipPhase: {
                phase: number;
                label: string;
                /** Format: date-time */
                recordedAt: string;
            } | null;
            progressionsplan: {
                category: number;
                categoryLabel: string;
                followUpOwner: string;
                items: components["schemas"]["PlanItem"][] | "[skyddad]";
                rows?: number;
                due?: string[];
                done?: boolean[];
                /** Format: date-time */
                recordedAt: string;
            } | null;
            processes: components["schemas"]["ProcessInstanceView"][];
            deadlines: {
                deadlineId: string;
                instanceId: string;
                name: string;
                title: string;
                /** Format: date-time */
                dueAt: string;
                overdue: boolean;
            }[];
        };
        NextStep: {
            instanceId: string;
            definitionId: string;
            definitionVersion: number;
            process: string;
            state: unknown;
            event: string;
            label: string;
            lanes: string[];
            schema: components["schemas"]["StepSchema"];
            initial?: {
                [key: string]: unknown;
            };
        };
        NextSteps: {
            caseId: string;
            unit: string;
            revision: number;
            roles: {
                role: string;
                label: string;
            }[];
            steps: components["schemas"]["NextStep"][];
            instanceActions: {
                instanceId: string;
                process: string;
                /** @enum {string} */
                command: "EndProcess" | "HandBackFollowUp" | "RecordStepWait";
                label: string;
                schema: components["schemas"]["StepSchema"];
            }[];
            startable: {
                definitionId: string;
                process: string;
                label: string;
                blockedBy: {
                    id: string;
                    message: string;
                }[];
            }[];
            caseActions: {
                command: string;
                label: string;
                schema?: components["schemas"]["StepSchema"];
            }[];
        };
        HistoryEntry: {
            revision: number;
            eventId: string;
            type: string;
            label: string;
            actor: {
                id: string | null;
                role: string | null;
                name: string | null;
                roleLabel: string | null;
            };
            /** Format: date-time */
            occurredAt: string;
            process: {
                instanceId: string;
                definitionId: string;
                version: number;
                title: string;
                stateBefore: unknown;
                stateAfter: unknown;
                stepBefore: string | null;
                stepAfter: string | null;
            } | null;
            data: {
                [key: string]: unknown;
            };
            details: {
                label: string;
                value: string;
            }[];
            correlationId?: string | null;
            commandId?: string | null;
        };
        HistoryPage: {
            caseId: string;
            entries: components["schemas"]["HistoryEntry"][];
            next: number | null;
            facets: {
                processes: {
                    id: string;
                    title: string;
                }[];
                types: {
                    type: string;
                    label: string;
                }[];
                people: {
                    id: string;
                    name: string;
                }[];
            };
        };
        Notification: {
            id: string;
            caseId: string;
            reference: string | "[skyddad]";
            unit: string;
            recipient: {
                person: string | null;
                role: string | null;
            };
            kind: string;
            message: string;
            /** Format: date-time */
            createdAt: string;
            read: boolean;
            path: string | null;
        };
        NotificationPage: {
            unread: number;
            items: components["schemas"]["Notification"][];
            total: number;
            limit: number;
            offset: number;
        };
        UnreadCount: {
            unread: number;
        };
        HistoryExport: {
            caseId: string;
            reference: string | "[skyddad]";
            /** Format: date-time */
            exportedAt: string;
            exportedBy: string;
            filters: string[];
            entries: components["schemas"]["HistoryEntry"][];
        };
        CaseListItem: {
            caseId: string;
            reference: string | "[skyddad]";
            journalRef: (string | null) | "[skyddad]";
            unit: string;
            socialWorkerId: string;
            socialWorkerName: string | null;
            /** Format: date-time */
            openedAt: string;
            /** Format: date-time */
            updatedAt: string;
            revision: number;
            bipPhase: number | null;
            caseworkerChanges: number;
            hasProgressionsplan: boolean;
            /** Format: date-time */
            nextDueAt: string | null;
            overdue: boolean;
            /** Format: date-time */
            closedAt: string | null;
            processes: {
                instanceId: string;
                definitionId: string;
                process: string;
                status: string;
                state: unknown;
                steps: string[];
                followUpOwner: string | null;
            }[];
        };
        CaseListPage: {
            items: components["schemas"]["CaseListItem"][];
            total: number;
            limit: number;
            offset: number;
        };
        CaseNotes: {
            caseId: string;
            items: {
                caseId: string;
                /** @enum {string} */
                kind: "note" | "document";
                day: string;
                /** Format: date-time */
                recordedAt: string;
                author: {
                    id: string | null;
                    name: string | null;
                };
                text: (string | null) | "[skyddad]";
                document: {
                    kind: string;
                    kindLabel: string;
                    documentId: (string | null) | "[skyddad]";
                } | null;
            }[];
        };
        ProcessSummary: {
            id: string;
            version: number;
            versions: number[];
            title: string;
            description: string;
            startLanes: {
                role: string;
                label: string;
            }[];
            startRules: {
                id: string;
                message: string;
            }[];
            events: {
                type: string;
                label: string;
                lanes: string[];
                schema: components["schemas"]["StepSchema"];
            }[];
            deadlines: unknown[];
        };
        Viewing: {
            caseId: string;
            reference: (string | null) | "[skyddad]";
            /** Format: date-time */
            at: string;
            /** Format: date-time */
            firstAt: string;
            count: number;
            userId: string;
            userName: string | null;
            roles: string[];
            view: string;
            correlationId: string;
        };
        ViewingPage: {
            items: components["schemas"]["Viewing"][];
            total: number;
            limit: number;
            offset: number;
        };
        CaseViewingPage: {
            caseId: string;
            items: components["schemas"]["Viewing"][];
            total: number;
            limit: number;
            offset: number;
        };
        FollowUp: {
            caseId: string;
            reference: string | "[skyddad]";
            unit: string;
            instanceId: string;
            process: string;
            owner: string;
            /** Format: date-time */
            since: string;
            reason: string | null;
            escalated: boolean;
            /** Format: date-time */
            lastFollowUpAt: string;
            /** Format: date-time */
            followUpDueAt: string;
            followUpOverdue: boolean;
        };
        FollowUpPage: {
            items: components["schemas"]["FollowUp"][];
            total: number;
            limit: number;
            offset: number;
        };
        CatalogueItem: {
            insatsId: string;
            providingUnit: string;
            version: number;
            status: string;
            statusReason: string | null;
            name: string;
            kind: string;
            trappsteg: string;
            bipType: string;
            places: number;
            taken: number;
            queued: number;
            placesFree: number;
            entry: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            updatedAt: string;
        };
        CataloguePage: {
            items: components["schemas"]["CatalogueItem"][];
            total: number;
            limit: number;
            offset: number;
        };
        CatalogueEntry: components["schemas"]["CatalogueItem"] & {
            versions: {
                version: number;
                /** Format: date-time */
                recordedAt: string;
                entry: {
                    [key: string]: unknown;
                };
            }[];
        };
        CatalogueForm: {
            schema: components["schemas"]["StepSchema"];
            terms: {
                kinds: {
                    [key: string]: string;
                };
                trappsteg: {
                    [key: string]: string;
                };
                adaptations: {
                    [key: string]: string;
                };
                bipTypes: {
                    [key: string]: string;
                };
                statuses: {
                    [key: string]: string;
                };
                costPeriods: {
                    [key: string]: string;
                };
                reports: {
                    [key: string]: string;
                };
            };
        };
        InsatsReport: {
            report: string;
            title: string;
            /** @enum {string} */
            scope: "unit" | "city";
            from: string;
            to: string;
            columns: {
                key: string;
                label: string;
                kind: string;
            }[];
            rows: {
                [key: string]: (string | number) | null;
            }[];
            suppressedCells: number;
        };
        CatalogueWrite: {
            insatsId: string;
            version: number;
            status: string;
        };
        Placement: {
            caseId: string;
            reference: string | "[skyddad]";
            unit: string;
            socialWorkerId: string;
            instanceId: string;
            phase: string;
            followUp: string | null;
            insats: {
                insatsId: string;
                version: number;
                name: string;
                providingUnit: string;
                trappsteg: string;
                bipType: string;
                price: {
                    amountSek: number;
                    period: string;
                };
            } | null;
            assignedOn: string | null;
            /** Format: date-time */
            queuedAt: string | null;
            startedOn: string | null;
            endedOn: string | null;
            outcome: string | null;
            followUpsHeld: number;
            lastFollowUpOn: string | null;
            /** Format: date-time */
            followUpDueAt: string | null;
            followUpOverdue: boolean;
            flagged: boolean;
            readyForJobbtorgResurs: boolean;
            origin: {
                kind: string;
                planRow: number | null;
            } | null;
            continuesFrom: {
                instanceId: string;
                insatsName: string | null;
                followUpsHeld: number;
            } | null;
        };
        PlacementPage: {
            items: components["schemas"]["Placement"][];
            total: number;
            limit: number;
            offset: number;
        };
        PartnerPlacement: {
            placementId: string;
            placingUnit: string;
            providingUnit: string;
            insatsId: string;
            insatsName: string;
            phase: string;
            phaseLabel: string;
            assignedOn: string | null;
            acceptedOn: string | null;
            startedOn: string | null;
            endedOn: string | null;
            scope: {
                hours: number;
                per: string;
            } | null;
            price: {
                amountSek: number;
                period: string;
            };
            attendanceReportedTo: string | null;
            lastObservationOn: string | null;
            actions: string[];
            plan?: ({
                mal: string | null;
                delmal: string[] | null;
                arbetsuppgifter: string[] | null;
            } | "[skyddad]") | null;
        };
        PartnerPlacementPage: {
            items: components["schemas"]["PartnerPlacement"][];
            total: number;
            limit: number;
            offset: number;
        };
        PartnerStepResult: {
            placementId: string;
            events: string[];
        };
        ReceivingUnits: {
            items: {
                unit: string;
                name: string;
                formVersion: number;
                schema: Record<string, never>;
            }[];
        };
        ReceivedReferral: {
            referralNumber: string;
            receivingUnit: string;
            sendingUnit: string;
            sender: {
                name: string | null;
                email: string | null;
                title: string | null;
                phone: string | null;
            };
            phase: string;
            phaseLabel: string;
            overdue: boolean;
            formVersion: number | null;
            /** Format: date-time */
            sentAt: string;
            /** Format: date-time */
            decisionDueAt: string | null;
            outcome: string | null;
            decidedOn: string | null;
            returnReason: string | null;
            withdrawReason: string | null;
            admittedOn: string | null;
            admissionDeclinedReason: string | null;
            actions: string[];
        };
        ReceivedReferralPage: {
            items: components["schemas"]["ReceivedReferral"][];
            total: number;
            limit: number;
            offset: number;
        };
        ThreadEntry: {
            /** @enum {string} */
            kind: "question" | "answer";
            /** Format: date-time */
            at: string;
            text: string | "[skyddad]";
        };
        ReceivedReferralDetail: {
            referralNumber: string;
            receivingUnit: string;
            sendingUnit: string;
            sender: {
                name: string | null;
                email: string | null;
                title: string | null;
                phone: string | null;
            };
            phase: string;
            phaseLabel: string;
            overdue: boolean;
            formVersion: number | null;
            /** Format: date-time */
            sentAt: string;
            /** Format: date-time */
            decisionDueAt: string | null;
            outcome: string | null;
            decidedOn: string | null;
            returnReason: string | null;
            withdrawReason: string | null;
            admittedOn: string | null;
            admissionDeclinedReason: string | null;
            actions: string[];
            summary: (Record<string, never> | null) | "[skyddad]";
            thread: components["schemas"]["ThreadEntry"][];
            motivation: (string | null) | "[skyddad]";
        };
        ReferralStepResult: {
            referralNumber: string;
            events: string[];
        };
        SentReferral: {
            referralNumber: string;
            caseId: string;
            instanceId: string;
            receivingUnit: string | null;
            phase: string;
            phaseLabel: string;
            overdue: boolean;
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            sentAt: string | null;
            /** Format: date-time */
            decisionDueAt: string | null;
            outcome: string | null;
            decidedOn: string | null;
            motivation: (string | null) | "[skyddad]";
            thread: components["schemas"]["ThreadEntry"][];
            returnReason: string | null;
            returnComment: (string | null) | "[skyddad]";
            withdrawReason: string | null;
            admittedOn: string | null;
            admissionDeclinedReason: string | null;
        };
        SentReferralPage: {
            items: components["schemas"]["SentReferral"][];
            total: number;
            limit: number;
            offset: number;
        };
        BillingBasis: {
            month: string;
            lines: {
                placementId: string;
                placingUnit: string;
                providingUnit: string;
                insatsName: string;
                from: string;
                to: string;
                days: number;
                priceSek: number;
                pricePeriod: string;
                amountSek: number;
            }[];
            totals: {
                placingUnit: string;
                providingUnit: string;
                placements: number;
                amountSek: number;
            }[];
        };
        CaseworkerChangeCount: {
            caseId: string;
            reference: string | "[skyddad]";
            lastTwelveMonths: number;
            total: number;
            flagged: boolean;
            lastReason: string | null;
            lastReasonLabel: string | null;
            handoverMissing: boolean;
            clientUninformed: boolean;
        };
        PhaseMonth: {
            month: string;
            phases: {
                [key: string]: number;
            };
        };
        StepCount: {
            unit: string;
            definitionId: string;
            process: string;
            step: string;
            title: string;
            cases: number;
        };
        StepWait: {
            unit: string;
            definitionId: string;
            process: string;
            step: string;
            title: string;
            waitingNow: number;
            longestWaitingDays: number | null;
            passed: number;
            medianDays: number | null;
            longestDays: number | null;
            reasons: {
                reason: string;
                label: string;
                /** @enum {string} */
                kind: "annan-part" | "avbrott";
                waitingNow: number;
                passed: number;
            }[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    CasesController_list: {
        parameters: {
            query?: {
                unit?: string;
                socialWorkerId?: string;
                process?: string;
                state?: string;
                overdue?: boolean;
                search?: string;
                sort?: "updated" | "opened" | "due" | "socialWorker";
                bipPhase?: number;
                status?: "open" | "closed" | "all";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseListPage"];
                };
            };
        };
    };
    CasesController_open: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key, same response; nothing twice. */
                "Idempotency-Key"?: string;
                /** @description The case revision you saw (ETag); 409 if stale. */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenCaseDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
        };
    };
    CasesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseView"];
                };
            };
        };
    };
    CasesController_history: {
        parameters: {
            query?: {
                after?: number;
                limit?: number;
                process?: string;
                instance?: string;
                type?: string;
                actor?: string;
                from?: string;
                to?: string;
            };
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryPage"];
                };
            };
        };
    };
    CasesController_exportHistory: {
        parameters: {
            query?: {
                format?: "json" | "csv" | "pdf";
                process?: string;
                instance?: string;
                type?: string;
                actor?: string;
                from?: string;
                to?: string;
            };
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryExport"];
                    "text/csv": components["schemas"]["HistoryExport"];
                    "application/pdf": components["schemas"]["HistoryExport"];
                };
            };
        };
    };
    CasesController_asOf: {
        parameters: {
            query: {
                at: string;
            };
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseView"];
                };
            };
        };
    };
    CasesController_nextSteps: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NextSteps"];
                };
            };
        };
    };
    CasesController_start: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key, same response; nothing twice. */
                "Idempotency-Key"?: string;
                /** @description The case revision you saw (ETag); 409 if stale. */
                "If-Match"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartProcessDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StartedProcess"];
                };
            };
        };
    };
    CasesController_send: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key, same response; nothing twice. */
                "Idempotency-Key"?: string;
                /** @description The case revision you saw (ETag); 409 if stale. */
                "If-Match"?: string;
            };
            path: {
                caseId: string;
                instanceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendEventDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
        };
    };
    CasesController_end: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key, same response; nothing twice. */
                "Idempotency-Key"?: string;
                /** @description The case revision you saw (ETag); 409 if stale. */
                "If-Match"?: string;
            };
            path: {
                caseId: string;
                instanceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EndProcessPayload"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
        };
    };
    CasesController_handBack: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key, same response; nothing twice. */
                "Idempotency-Key"?: string;
                /** @description The case revision you saw (ETag); 409 if stale. */
                "If-Match"?: string;
            };
            path: {
                caseId: string;
                instanceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HandBack"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
        };
    };
    CasesController_recordWait: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key, same response; nothing twice. */
                "Idempotency-Key"?: string;
                /** @description The case revision you saw (ETag); 409 if stale. */
                "If-Match"?: string;
            };
            path: {
                caseId: string;
                instanceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordStepWaitDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
        };
    };
    CasesController_changeCaseworker: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key, same response; nothing twice. */
                "Idempotency-Key"?: string;
                /** @description The case revision you saw (ETag); 409 if stale. */
                "If-Match"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeCaseworkerDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
        };
    };
    CasesController_assignRehabansvarig: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key, same response; nothing twice. */
                "Idempotency-Key"?: string;
                /** @description The case revision you saw (ETag); 409 if stale. */
                "If-Match"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignRehabansvarigDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
        };
    };
    CasesController_erase: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key, same response; nothing twice. */
                "Idempotency-Key"?: string;
                /** @description The case revision you saw (ETag); 409 if stale. */
                "If-Match"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EraseCaseDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
        };
    };
    CasesController_recordPlan: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key, same response; nothing twice. */
                "Idempotency-Key"?: string;
                /** @description The case revision you saw (ETag); 409 if stale. */
                "If-Match"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Progressionsplan"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
        };
    };
    CasesController_recordClientFacts: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key, same response; nothing twice. */
                "Idempotency-Key"?: string;
                /** @description The case revision you saw (ETag); 409 if stale. */
                "If-Match"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClientFacts"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
        };
    };
    CasesController_recordSaAeApplication: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key, same response; nothing twice. */
                "Idempotency-Key"?: string;
                /** @description The case revision you saw (ETag); 409 if stale. */
                "If-Match"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaAeApplication"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
        };
    };
    CasesController_recordSaAeDecision: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key, same response; nothing twice. */
                "Idempotency-Key"?: string;
                /** @description The case revision you saw (ETag); 409 if stale. */
                "If-Match"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaAeDecision"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
        };
    };
    TasksController_assign: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key, same response; nothing twice. */
                "Idempotency-Key"?: string;
                /** @description The case revision you saw (ETag); 409 if stale. */
                "If-Match"?: string;
            };
            path: {
                caseId: string;
                instanceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignTaskDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
        };
    };
    ProcessesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcessSummary"][];
                };
            };
        };
    };
    ProcessesController_get: {
        parameters: {
            query?: {
                version?: number;
            };
            header?: never;
            path: {
                definitionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcessSummary"];
                };
            };
        };
    };
    ProcessesController_bpmn: {
        parameters: {
            query?: {
                version?: number;
            };
            header?: never;
            path: {
                definitionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ProcessesController_mermaid: {
        parameters: {
            query?: {
                version?: number;
            };
            header?: never;
            path: {
                definitionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WorkController_mine: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueTaskPage"];
                };
            };
        };
    };
    WorkController_plan: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanTaskPage"];
                };
            };
        };
    };
    WorkController_role: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueTaskPage"];
                };
            };
        };
    };
    WorkController_team: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                unit: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueTaskPage"];
                };
            };
        };
    };
    WorkController_notifications: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
        };
    };
    WorkController_unread: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCount"];
                };
            };
        };
    };
    WorkController_markRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkNotificationsReadDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCount"];
                };
            };
        };
    };
    SupervisionController_deadlines: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                dueBy?: string;
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SupervisionController_followUp: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                unit?: string;
                owner?: "socialsekreterare" | "rehabansvarig" | "case_manager" | "sip_stodjare" | "bitradande_enhetschef" | "mentor";
                escalated?: boolean;
                overdue?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowUpPage"];
                };
            };
        };
    };
    SupervisionController_bipPhases: {
        parameters: {
            query: {
                from: string;
                to: string;
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhaseMonth"][];
                };
            };
        };
    };
    SupervisionController_processSteps: {
        parameters: {
            query?: {
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StepCount"][];
                };
            };
        };
    };
    SupervisionController_stepWaits: {
        parameters: {
            query?: {
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StepWait"][];
                };
            };
        };
    };
    SupervisionController_caseworkerChanges: {
        parameters: {
            query?: {
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseworkerChangeCount"][];
                };
            };
        };
    };
    AdminController_verifyAudit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AdminController_projections: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AdminController_rebuild: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AdminController_runMail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailReport"];
                };
            };
        };
    };
    AdminController_mail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailDeliveries"];
                };
            };
        };
    };
    AdminController_runDeadlines: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccessLogController_byCase: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                grouped?: boolean;
            };
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseViewingPage"];
                };
            };
        };
    };
    AccessLogController_byUser: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                grouped?: boolean;
                from?: string;
                to?: string;
            };
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ViewingPage"];
                };
            };
        };
    };
    LiveController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InsatserController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                kind?: "arbetstraning" | "arbetsprovning" | "osa" | "utomhusarbete" | "malning" | "flytt" | "snickeri" | "textil" | "second_hand" | "atervinning" | "data" | "svets" | "cykelverkstad" | "bakverk" | "konferens" | "bokvard" | "administration" | "halsa" | "motivation" | "kommunikativ_svenska";
                trappsteg?: "sysselsattning" | "arbetsinriktad_rehabilitering" | "arbete_med_samhallsstod";
                unit?: string;
                adaptations?: ("sprakstod" | "fysisk_funktionsnedsattning" | "unga_under_25" | "psykisk_ohalsa" | "parallellt_med_behandling")[];
                freePlaces?: boolean;
                status?: "active" | "paused" | "closed";
                text?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CataloguePage"];
                };
            };
        };
    };
    InsatserController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterInsatsDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogueWrite"];
                };
            };
        };
    };
    InsatserController_form: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogueForm"];
                };
            };
        };
    };
    InsatserController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                insatsId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogueEntry"];
                };
            };
        };
    };
    InsatserController_revise: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                insatsId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InsatsEntry"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogueWrite"];
                };
            };
        };
    };
    InsatserController_pause: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                insatsId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PauseInsatsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogueWrite"];
                };
            };
        };
    };
    InsatserController_resume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                insatsId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogueWrite"];
                };
            };
        };
    };
    InsatserController_close: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                insatsId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogueWrite"];
                };
            };
        };
    };
    InsatserController_placements: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                unit?: string;
                caseId?: string;
                mine?: boolean;
                phase?: "anvisning" | "ko" | "forberedelse" | "pagar" | "avslutad" | "behovUtanInsats" | "avbruten";
                overdue?: boolean;
                flagged?: boolean;
                dueWithinDays?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 20 | 21 | 22 | 23 | 24 | 25 | 26 | 27 | 28 | 29 | 30 | 31 | 32 | 33 | 34 | 35 | 36 | 37 | 38 | 39 | 40 | 41 | 42 | 43 | 44 | 45 | 46 | 47 | 48 | 49 | 50 | 51 | 52 | 53 | 54 | 55 | 56 | 57 | 58 | 59 | 60 | 61 | 62 | 63 | 64 | 65 | 66 | 67 | 68 | 69 | 70 | 71 | 72 | 73 | 74 | 75 | 76 | 77 | 78 | 79 | 80 | 81 | 82 | 83 | 84 | 85 | 86 | 87 | 88 | 89 | 90 | 91 | 92 | 93 | 94 | 95 | 96 | 97 | 98 | 99 | 100 | 101 | 102 | 103 | 104 | 105 | 106 | 107 | 108 | 109 | 110 | 111 | 112 | 113 | 114 | 115 | 116 | 117 | 118 | 119 | 120 | 121 | 122 | 123 | 124 | 125 | 126 | 127 | 128 | 129 | 130 | 131 | 132 | 133 | 134 | 135 | 136 | 137 | 138 | 139 | 140 | 141 | 142 | 143 | 144 | 145 | 146 | 147 | 148 | 149 | 150 | 151 | 152 | 153 | 154 | 155 | 156 | 157 | 158 | 159 | 160 | 161 | 162 | 163 | 164 | 165 | 166 | 167 | 168 | 169 | 170 | 171 | 172 | 173 | 174 | 175 | 176 | 177 | 178 | 179 | 180 | 181 | 182 | 183 | 184 | 185 | 186 | 187 | 188 | 189 | 190 | 191 | 192 | 193 | 194 | 195 | 196 | 197 | 198 | 199 | 200 | 201 | 202 | 203 | 204 | 205 | 206 | 207 | 208 | 209 | 210 | 211 | 212 | 213 | 214 | 215 | 216 | 217 | 218 | 219 | 220 | 221 | 222 | 223 | 224 | 225 | 226 | 227 | 228 | 229 | 230 | 231 | 232 | 233 | 234 | 235 | 236 | 237 | 238 | 239 | 240 | 241 | 242 | 243 | 244 | 245 | 246 | 247 | 248 | 249 | 250 | 251 | 252 | 253 | 254 | 255 | 256 | 257 | 258 | 259 | 260 | 261 | 262 | 263 | 264 | 265 | 266 | 267 | 268 | 269 | 270 | 271 | 272 | 273 | 274 | 275 | 276 | 277 | 278 | 279 | 280 | 281 | 282 | 283 | 284 | 285 | 286 | 287 | 288 | 289 | 290 | 291 | 292 | 293 | 294 | 295 | 296 | 297 | 298 | 299 | 300 | 301 | 302 | 303 | 304 | 305 | 306 | 307 | 308 | 309 | 310 | 311 | 312 | 313 | 314 | 315 | 316 | 317 | 318 | 319 | 320 | 321 | 322 | 323 | 324 | 325 | 326 | 327 | 328 | 329 | 330 | 331 | 332 | 333 | 334 | 335 | 336 | 337 | 338 | 339 | 340 | 341 | 342 | 343 | 344 | 345 | 346 | 347 | 348 | 349 | 350 | 351 | 352 | 353 | 354 | 355 | 356 | 357 | 358 | 359 | 360 | 361 | 362 | 363 | 364 | 365;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlacementPage"];
                };
            };
        };
    };
    InsatsStatisticsController_report: {
        parameters: {
            query?: {
                scope?: "unit" | "city";
                unit?: string;
                from?: string;
                to?: string;
            };
            header?: never;
            path: {
                report: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsatsReport"];
                };
            };
        };
    };
    InsatsStatisticsController_csv: {
        parameters: {
            query?: {
                scope?: "unit" | "city";
                unit?: string;
                from?: string;
                to?: string;
            };
            header?: never;
            path: {
                report: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PartnerPlacementsController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                awaitingAnswer?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerPlacementPage"];
                };
            };
        };
    };
    PartnerPlacementsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                placementId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerPlacement"];
                };
            };
        };
    };
    PartnerPlacementsController_step: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                placementId: string;
                step: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerStepResult"];
                };
            };
        };
    };
    ReferralsController_receivingUnits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceivingUnits"];
                };
            };
        };
    };
    ReferralsController_received: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                open?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceivedReferralPage"];
                };
            };
        };
    };
    ReferralsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                referralNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceivedReferralDetail"];
                };
            };
        };
    };
    ReferralsController_step: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                referralNumber: string;
                step: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferralStepResult"];
                };
            };
        };
    };
    ReferralsController_sent: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SentReferralPage"];
                };
            };
        };
    };
    CaseNotesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseNotes"];
                };
            };
        };
    };
    CaseNotesController_note: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key, same response; nothing twice. */
                "Idempotency-Key"?: string;
                /** @description The case revision you saw (ETag); 409 if stale. */
                "If-Match"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseNote"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
        };
    };
    CaseNotesController_document: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key, same response; nothing twice. */
                "Idempotency-Key"?: string;
                /** @description The case revision you saw (ETag); 409 if stale. */
                "If-Match"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DocumentReference"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
        };
    };
    CaseLifecycleController_close: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key, same response; nothing twice. */
                "Idempotency-Key"?: string;
                /** @description The case revision you saw (ETag); 409 if stale. */
                "If-Match"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseClosing"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
        };
    };
    CaseLifecycleController_reopen: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key, same response; nothing twice. */
                "Idempotency-Key"?: string;
                /** @description The case revision you saw (ETag); 409 if stale. */
                "If-Match"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseReopening"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
        };
    };
    CaseLifecycleController_changeReference: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key, same response; nothing twice. */
                "Idempotency-Key"?: string;
                /** @description The case revision you saw (ETag); 409 if stale. */
                "If-Match"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReferenceChange"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
        };
    };
    CaseLifecycleController_correct: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key, same response; nothing twice. */
                "Idempotency-Key"?: string;
                /** @description The case revision you saw (ETag); 409 if stale. */
                "If-Match"?: string;
            };
            path: {
                caseId: string;
                instanceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CorrectStepDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
        };
    };
    CaseLifecycleController_checkPlanItem: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key, same response; nothing twice. */
                "Idempotency-Key"?: string;
                /** @description The case revision you saw (ETag); 409 if stale. */
                "If-Match"?: string;
            };
            path: {
                caseId: string;
                row: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckPlanItemDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
        };
    };
    BillingController_basis: {
        parameters: {
            query: {
                month: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingBasis"];
                };
            };
        };
    };
    BillingController_csv: {
        parameters: {
            query: {
                month: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_signInConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInConfig"];
                };
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
        };
    };
    AuthController_caseFilters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedCaseFilters"];
                };
            };
        };
    };
    AuthController_saveCaseFilters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SavedCaseFiltersDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedCaseFilters"];
                };
            };
        };
    };
    AuthController_setMail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MailPreferenceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailPreference"];
                };
            };
        };
    };
    StaffController_workload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitWorkload"];
                };
            };
        };
    };
    StaffController_socialWorkers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffList"];
                };
            };
        };
    };
    StaffController_colleagues: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit: string;
                role: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ColleagueList"];
                };
            };
        };
    };
    StaffController_covers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitCovers"];
                };
            };
        };
    };
    StaffController_grantCover: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GrantCoverDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitCovers"];
                };
            };
        };
    };
    StaffController_endCover: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CoverPairDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitCovers"];
                };
            };
        };
    };
    StaffController_mentors: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MentorList"];
                };
            };
        };
    };
    StaffController_assignMentor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MentorDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Mentorship"];
                };
            };
        };
    };
    DevSignInController_users: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DemoUsers"];
                };
            };
        };
    };
    DevSignInController_signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DevSignInDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessToken"];
                };
            };
        };
    };
}
