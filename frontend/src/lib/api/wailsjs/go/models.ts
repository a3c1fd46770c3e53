export namespace app {
	
	export class CompetenceNeed {
	    trainingId: string;
	    ref: string;
	    topic: string;
	    date: string;
	    status: string;
	    roleIds: string[];
	    attended: boolean;
	    record: string;
	
	    static createFrom(source: any = {}) {
	        return new CompetenceNeed(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.trainingId = source["trainingId"];
	        this.ref = source["ref"];
	        this.topic = source["topic"];
	        this.date = source["date"];
	        this.status = source["status"];
	        this.roleIds = source["roleIds"];
	        this.attended = source["attended"];
	        this.record = source["record"];
	    }
	}
	export class CompetenceRow {
	    personId: string;
	    name: string;
	    department: string;
	    required: CompetenceNeed[];
	    missing: number;
	
	    static createFrom(source: any = {}) {
	        return new CompetenceRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.personId = source["personId"];
	        this.name = source["name"];
	        this.department = source["department"];
	        this.required = this.convertValues(source["required"], CompetenceNeed);
	        this.missing = source["missing"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ImportKind {
	    kind: string;
	    label: string;
	    fields: xlsx.Field[];
	
	    static createFrom(source: any = {}) {
	        return new ImportKind(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.label = source["label"];
	        this.fields = this.convertValues(source["fields"], xlsx.Field);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Info {
	    name: string;
	    version: string;
	    dataDir: string;
	    schemaVersion: number;
	    error: string;
	
	    static createFrom(source: any = {}) {
	        return new Info(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.version = source["version"];
	        this.dataDir = source["dataDir"];
	        this.schemaVersion = source["schemaVersion"];
	        this.error = source["error"];
	    }
	}
	export class KPIStatus {
	    kpiId: string;
	    measurements: number;
	    latest: number;
	    latestOn: string;
	    rag: string;
	    previous: number;
	    previousOn: string;
	    trend: string;
	    nextDue: string;
	    due: boolean;
	
	    static createFrom(source: any = {}) {
	        return new KPIStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kpiId = source["kpiId"];
	        this.measurements = source["measurements"];
	        this.latest = source["latest"];
	        this.latestOn = source["latestOn"];
	        this.rag = source["rag"];
	        this.previous = source["previous"];
	        this.previousOn = source["previousOn"];
	        this.trend = source["trend"];
	        this.nextDue = source["nextDue"];
	        this.due = source["due"];
	    }
	}
	export class KindInfo {
	    kind: string;
	    plural: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new KindInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.plural = source["plural"];
	        this.label = source["label"];
	    }
	}
	export class ObjectiveApproval {
	    approverId: string;
	    on: string;
	    how: string;
	    ref: string;
	
	    static createFrom(source: any = {}) {
	        return new ObjectiveApproval(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.approverId = source["approverId"];
	        this.on = source["on"];
	        this.how = source["how"];
	        this.ref = source["ref"];
	    }
	}
	export class PolicyDraft {
	    number: string;
	    summary: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new PolicyDraft(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.number = source["number"];
	        this.summary = source["summary"];
	        this.text = source["text"];
	    }
	}
	export class Preferences {
	    dayFirst: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Preferences(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.dayFirst = source["dayFirst"];
	    }
	}
	export class RequirementChange {
	    setStatus: boolean;
	    status: string;
	    setOwner: boolean;
	    ownerId: string;
	    setSourceType: boolean;
	    sourceType: string;
	    setSource: boolean;
	    source: string;
	
	    static createFrom(source: any = {}) {
	        return new RequirementChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.setStatus = source["setStatus"];
	        this.status = source["status"];
	        this.setOwner = source["setOwner"];
	        this.ownerId = source["ownerId"];
	        this.setSourceType = source["setSourceType"];
	        this.sourceType = source["sourceType"];
	        this.setSource = source["setSource"];
	        this.source = source["source"];
	    }
	}
	export class RequirementDetail {
	    requirement: isms.Requirement;
	    history: overview.Change[];
	    links: overview.LinkView[];
	    backlinks: overview.LinkView[];
	
	    static createFrom(source: any = {}) {
	        return new RequirementDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.requirement = this.convertValues(source["requirement"], isms.Requirement);
	        this.history = this.convertValues(source["history"], overview.Change);
	        this.links = this.convertValues(source["links"], overview.LinkView);
	        this.backlinks = this.convertValues(source["backlinks"], overview.LinkView);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RequirementOptions {
	    sources: isms.Option[];
	    statuses: isms.Option[];
	    people: isms.Option[];
	    controls: isms.Option[];
	    policies: isms.Option[];
	
	    static createFrom(source: any = {}) {
	        return new RequirementOptions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sources = this.convertValues(source["sources"], isms.Option);
	        this.statuses = this.convertValues(source["statuses"], isms.Option);
	        this.people = this.convertValues(source["people"], isms.Option);
	        this.controls = this.convertValues(source["controls"], isms.Option);
	        this.policies = this.convertValues(source["policies"], isms.Option);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SheetPreview {
	    file: string;
	    sheets: xlsx.SheetInfo[];
	    sheet: string;
	    rows: xlsx.Row[];
	    width: number;
	    hiddenColumns: number[];
	    headerRow: number;
	    headerRows: number;
	    headerError: string;
	
	    static createFrom(source: any = {}) {
	        return new SheetPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.sheets = this.convertValues(source["sheets"], xlsx.SheetInfo);
	        this.sheet = source["sheet"];
	        this.rows = this.convertValues(source["rows"], xlsx.Row);
	        this.width = source["width"];
	        this.hiddenColumns = source["hiddenColumns"];
	        this.headerRow = source["headerRow"];
	        this.headerRows = source["headerRows"];
	        this.headerError = source["headerError"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace importer {
	
	export class Counts {
	    rows: number;
	    created: number;
	    updated: number;
	    unchanged: number;
	    skipped: number;
	    invalid: number;
	    sections: number;
	
	    static createFrom(source: any = {}) {
	        return new Counts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = source["rows"];
	        this.created = source["created"];
	        this.updated = source["updated"];
	        this.unchanged = source["unchanged"];
	        this.skipped = source["skipped"];
	        this.invalid = source["invalid"];
	        this.sections = source["sections"];
	    }
	}
	export class Log {
	    id: string;
	    kind: string;
	    file: string;
	    sha256: string;
	    sheet: string;
	    headerRow: number;
	    mapping: xlsx.Mapping;
	    counts: Counts;
	    newPeople: number;
	    at: string;
	    revertedAt: string;
	    skipped: xlsx.Problem[];
	
	    static createFrom(source: any = {}) {
	        return new Log(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.file = source["file"];
	        this.sha256 = source["sha256"];
	        this.sheet = source["sheet"];
	        this.headerRow = source["headerRow"];
	        this.mapping = this.convertValues(source["mapping"], xlsx.Mapping);
	        this.counts = this.convertValues(source["counts"], Counts);
	        this.newPeople = source["newPeople"];
	        this.at = source["at"];
	        this.revertedAt = source["revertedAt"];
	        this.skipped = this.convertValues(source["skipped"], xlsx.Problem);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PlannedRow {
	    row: number;
	    action: string;
	    ref: string;
	    title: string;
	    problems: xlsx.Problem[];
	
	    static createFrom(source: any = {}) {
	        return new PlannedRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.action = source["action"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.problems = this.convertValues(source["problems"], xlsx.Problem);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Request {
	    kind: string;
	    file: string;
	    sheet: string;
	    headerRow: number;
	    headerRows: number;
	    map: Record<string, string>;
	    unmap: string[];
	    fillDown: string[];
	    keepSections: boolean;
	    dayFirst: boolean;
	    skipInvalid: boolean;
	    dateOrder: string;
	    sha256: string;
	    matchBy: string;
	
	    static createFrom(source: any = {}) {
	        return new Request(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.file = source["file"];
	        this.sheet = source["sheet"];
	        this.headerRow = source["headerRow"];
	        this.headerRows = source["headerRows"];
	        this.map = source["map"];
	        this.unmap = source["unmap"];
	        this.fillDown = source["fillDown"];
	        this.keepSections = source["keepSections"];
	        this.dayFirst = source["dayFirst"];
	        this.skipInvalid = source["skipInvalid"];
	        this.dateOrder = source["dateOrder"];
	        this.sha256 = source["sha256"];
	        this.matchBy = source["matchBy"];
	    }
	}
	export class Plan {
	    request: Request;
	    fileName: string;
	    sha256: string;
	    sheet: string;
	    sheets: xlsx.SheetInfo[];
	    header: xlsx.Header;
	    mapping: xlsx.Mapping;
	    fields: xlsx.Field[];
	    rows: PlannedRow[];
	    newPeople: string[];
	    counts: Counts;
	    errors: xlsx.Problem[];
	    mappingProblems: xlsx.Problem[];
	
	    static createFrom(source: any = {}) {
	        return new Plan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.request = this.convertValues(source["request"], Request);
	        this.fileName = source["fileName"];
	        this.sha256 = source["sha256"];
	        this.sheet = source["sheet"];
	        this.sheets = this.convertValues(source["sheets"], xlsx.SheetInfo);
	        this.header = this.convertValues(source["header"], xlsx.Header);
	        this.mapping = this.convertValues(source["mapping"], xlsx.Mapping);
	        this.fields = this.convertValues(source["fields"], xlsx.Field);
	        this.rows = this.convertValues(source["rows"], PlannedRow);
	        this.newPeople = source["newPeople"];
	        this.counts = this.convertValues(source["counts"], Counts);
	        this.errors = this.convertValues(source["errors"], xlsx.Problem);
	        this.mappingProblems = this.convertValues(source["mappingProblems"], xlsx.Problem);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class Result {
	    log: Log;
	    errors: xlsx.Problem[];
	
	    static createFrom(source: any = {}) {
	        return new Result(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.log = this.convertValues(source["log"], Log);
	        this.errors = this.convertValues(source["errors"], xlsx.Problem);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace isms {
	
	export class Acknowledgement {
	    personId: string;
	    on: string;
	
	    static createFrom(source: any = {}) {
	        return new Acknowledgement(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.personId = source["personId"];
	        this.on = source["on"];
	    }
	}
	export class Action {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    title: string;
	    description: string;
	    ownerId: string;
	    dueDate: string;
	    status: string;
	    reviewId: string;
	    nonconformityId: string;
	    completedOn: string;
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new Action(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.description = source["description"];
	        this.ownerId = source["ownerId"];
	        this.dueDate = source["dueDate"];
	        this.status = source["status"];
	        this.reviewId = source["reviewId"];
	        this.nonconformityId = source["nonconformityId"];
	        this.completedOn = source["completedOn"];
	        this.notes = source["notes"];
	    }
	}
	export class Approval {
	    approverId: string;
	    role: string;
	    decision: string;
	    method: string;
	    comment: string;
	    at: string;
	    textSha256: string;
	
	    static createFrom(source: any = {}) {
	        return new Approval(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.approverId = source["approverId"];
	        this.role = source["role"];
	        this.decision = source["decision"];
	        this.method = source["method"];
	        this.comment = source["comment"];
	        this.at = source["at"];
	        this.textSha256 = source["textSha256"];
	    }
	}
	export class Asset {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    name: string;
	    type: string;
	    ownerId: string;
	    custodianId: string;
	    location: string;
	    classification: string;
	    description: string;
	    acquiredOn: string;
	    reviewDate: string;
	    status: string;
	    riskIds: string[];
	    controlIds: string[];
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new Asset(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.name = source["name"];
	        this.type = source["type"];
	        this.ownerId = source["ownerId"];
	        this.custodianId = source["custodianId"];
	        this.location = source["location"];
	        this.classification = source["classification"];
	        this.description = source["description"];
	        this.acquiredOn = source["acquiredOn"];
	        this.reviewDate = source["reviewDate"];
	        this.status = source["status"];
	        this.riskIds = source["riskIds"];
	        this.controlIds = source["controlIds"];
	        this.notes = source["notes"];
	    }
	}
	export class Attendance {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    trainingId: string;
	    personId: string;
	    status: string;
	    date: string;
	    score: number;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new Attendance(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.trainingId = source["trainingId"];
	        this.personId = source["personId"];
	        this.status = source["status"];
	        this.date = source["date"];
	        this.score = source["score"];
	        this.note = source["note"];
	    }
	}
	export class ChecklistItem {
	    ref: string;
	    question: string;
	    result: string;
	    evidence: string;
	
	    static createFrom(source: any = {}) {
	        return new ChecklistItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ref = source["ref"];
	        this.question = source["question"];
	        this.result = source["result"];
	        this.evidence = source["evidence"];
	    }
	}
	export class Audit {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    title: string;
	    scope: string;
	    criteria: string;
	    startDate: string;
	    endDate: string;
	    auditorId: string;
	    auditorName: string;
	    independence: string;
	    status: string;
	    checklist: ChecklistItem[];
	    conclusion: string;
	
	    static createFrom(source: any = {}) {
	        return new Audit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.scope = source["scope"];
	        this.criteria = source["criteria"];
	        this.startDate = source["startDate"];
	        this.endDate = source["endDate"];
	        this.auditorId = source["auditorId"];
	        this.auditorName = source["auditorName"];
	        this.independence = source["independence"];
	        this.status = source["status"];
	        this.checklist = this.convertValues(source["checklist"], ChecklistItem);
	        this.conclusion = source["conclusion"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Campaign {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    title: string;
	    description: string;
	    channels: string[];
	    audience: string;
	    roleIds: string[];
	    startDate: string;
	    endDate: string;
	    status: string;
	    ownerId: string;
	
	    static createFrom(source: any = {}) {
	        return new Campaign(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.description = source["description"];
	        this.channels = source["channels"];
	        this.audience = source["audience"];
	        this.roleIds = source["roleIds"];
	        this.startDate = source["startDate"];
	        this.endDate = source["endDate"];
	        this.status = source["status"];
	        this.ownerId = source["ownerId"];
	    }
	}
	
	export class Clause {
	    ref: string;
	    title: string;
	
	    static createFrom(source: any = {}) {
	        return new Clause(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ref = source["ref"];
	        this.title = source["title"];
	    }
	}
	export class Communication {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    subject: string;
	    date: string;
	    audience: string;
	    channel: string;
	    reach: number;
	    ownerId: string;
	    campaignId: string;
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new Communication(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.subject = source["subject"];
	        this.date = source["date"];
	        this.audience = source["audience"];
	        this.channel = source["channel"];
	        this.reach = source["reach"];
	        this.ownerId = source["ownerId"];
	        this.campaignId = source["campaignId"];
	        this.notes = source["notes"];
	    }
	}
	export class ControlTask {
	    title: string;
	    ownerId: string;
	    dueDate: string;
	    done: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ControlTask(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.ownerId = source["ownerId"];
	        this.dueDate = source["dueDate"];
	        this.done = source["done"];
	    }
	}
	export class Control {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    title: string;
	    theme: string;
	    custom: boolean;
	    description: string;
	    applicability: string;
	    justification: string;
	    status: string;
	    ownerId: string;
	    implementationPlan: string;
	    metric: string;
	    evidence: string;
	    dueDate: string;
	    kpiIds: string[];
	    notes: string;
	    reasons: string[];
	    tasks: ControlTask[];
	
	    static createFrom(source: any = {}) {
	        return new Control(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.theme = source["theme"];
	        this.custom = source["custom"];
	        this.description = source["description"];
	        this.applicability = source["applicability"];
	        this.justification = source["justification"];
	        this.status = source["status"];
	        this.ownerId = source["ownerId"];
	        this.implementationPlan = source["implementationPlan"];
	        this.metric = source["metric"];
	        this.evidence = source["evidence"];
	        this.dueDate = source["dueDate"];
	        this.kpiIds = source["kpiIds"];
	        this.notes = source["notes"];
	        this.reasons = source["reasons"];
	        this.tasks = this.convertValues(source["tasks"], ControlTask);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Decision {
	    text: string;
	    category: string;
	    actionIds: string[];
	
	    static createFrom(source: any = {}) {
	        return new Decision(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.category = source["category"];
	        this.actionIds = source["actionIds"];
	    }
	}
	export class Effectiveness {
	    reviewedOn: string;
	    verdict: string;
	    reviewerId: string;
	    comment: string;
	
	    static createFrom(source: any = {}) {
	        return new Effectiveness(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.reviewedOn = source["reviewedOn"];
	        this.verdict = source["verdict"];
	        this.reviewerId = source["reviewerId"];
	        this.comment = source["comment"];
	    }
	}
	export class Evidence {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    title: string;
	    targetKind: string;
	    targetId: string;
	    fileName: string;
	    sha256: string;
	    size: number;
	    mediaType: string;
	    url: string;
	    addedById: string;
	    addedOn: string;
	    expiresOn: string;
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new Evidence(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.title = source["title"];
	        this.targetKind = source["targetKind"];
	        this.targetId = source["targetId"];
	        this.fileName = source["fileName"];
	        this.sha256 = source["sha256"];
	        this.size = source["size"];
	        this.mediaType = source["mediaType"];
	        this.url = source["url"];
	        this.addedById = source["addedById"];
	        this.addedOn = source["addedOn"];
	        this.expiresOn = source["expiresOn"];
	        this.notes = source["notes"];
	    }
	}
	export class Feedback {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    surveyId: string;
	    date: string;
	    from: string;
	    partyId: string;
	    text: string;
	    sentiment: string;
	    status: string;
	    response: string;
	    improvementId: string;
	
	    static createFrom(source: any = {}) {
	        return new Feedback(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.surveyId = source["surveyId"];
	        this.date = source["date"];
	        this.from = source["from"];
	        this.partyId = source["partyId"];
	        this.text = source["text"];
	        this.sentiment = source["sentiment"];
	        this.status = source["status"];
	        this.response = source["response"];
	        this.improvementId = source["improvementId"];
	    }
	}
	export class Finding {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    auditId: string;
	    ref: string;
	    title: string;
	    description: string;
	    severity: string;
	    clause: string;
	    nonconformityId: string;
	
	    static createFrom(source: any = {}) {
	        return new Finding(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.auditId = source["auditId"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.description = source["description"];
	        this.severity = source["severity"];
	        this.clause = source["clause"];
	        this.nonconformityId = source["nonconformityId"];
	    }
	}
	export class Improvement {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    title: string;
	    goal: string;
	    description: string;
	    ownerId: string;
	    status: string;
	    startDate: string;
	    dueDate: string;
	    completedOn: string;
	    outcome: string;
	    reviewId: string;
	    feedbackIds: string[];
	    nonconformityIds: string[];
	    riskIds: string[];
	
	    static createFrom(source: any = {}) {
	        return new Improvement(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.goal = source["goal"];
	        this.description = source["description"];
	        this.ownerId = source["ownerId"];
	        this.status = source["status"];
	        this.startDate = source["startDate"];
	        this.dueDate = source["dueDate"];
	        this.completedOn = source["completedOn"];
	        this.outcome = source["outcome"];
	        this.reviewId = source["reviewId"];
	        this.feedbackIds = source["feedbackIds"];
	        this.nonconformityIds = source["nonconformityIds"];
	        this.riskIds = source["riskIds"];
	    }
	}
	export class Issue {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    title: string;
	    type: string;
	    category: string;
	    description: string;
	    impact: string;
	    ownerId: string;
	    status: string;
	    dateIdentified: string;
	    lastReviewed: string;
	    nextReview: string;
	    changedSinceReview: boolean;
	    changeNote: string;
	    riskIds: string[];
	
	    static createFrom(source: any = {}) {
	        return new Issue(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.type = source["type"];
	        this.category = source["category"];
	        this.description = source["description"];
	        this.impact = source["impact"];
	        this.ownerId = source["ownerId"];
	        this.status = source["status"];
	        this.dateIdentified = source["dateIdentified"];
	        this.lastReviewed = source["lastReviewed"];
	        this.nextReview = source["nextReview"];
	        this.changedSinceReview = source["changedSinceReview"];
	        this.changeNote = source["changeNote"];
	        this.riskIds = source["riskIds"];
	    }
	}
	export class KPI {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    name: string;
	    description: string;
	    method: string;
	    frequency: string;
	    unit: string;
	    target: number;
	    direction: string;
	    amber: number;
	    ownerId: string;
	    objectiveId: string;
	    controlId: string;
	    active: boolean;
	
	    static createFrom(source: any = {}) {
	        return new KPI(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.name = source["name"];
	        this.description = source["description"];
	        this.method = source["method"];
	        this.frequency = source["frequency"];
	        this.unit = source["unit"];
	        this.target = source["target"];
	        this.direction = source["direction"];
	        this.amber = source["amber"];
	        this.ownerId = source["ownerId"];
	        this.objectiveId = source["objectiveId"];
	        this.controlId = source["controlId"];
	        this.active = source["active"];
	    }
	}
	export class Measurement {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    kpiId: string;
	    date: string;
	    value: number;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new Measurement(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.kpiId = source["kpiId"];
	        this.date = source["date"];
	        this.value = source["value"];
	        this.note = source["note"];
	    }
	}
	export class Milestone {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    title: string;
	    month: number;
	    description: string;
	    dueDate: string;
	    status: string;
	    order: number;
	    ownerId: string;
	    completedOn: string;
	
	    static createFrom(source: any = {}) {
	        return new Milestone(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.title = source["title"];
	        this.month = source["month"];
	        this.description = source["description"];
	        this.dueDate = source["dueDate"];
	        this.status = source["status"];
	        this.order = source["order"];
	        this.ownerId = source["ownerId"];
	        this.completedOn = source["completedOn"];
	    }
	}
	export class Nonconformity {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    title: string;
	    description: string;
	    source: string;
	    findingId: string;
	    reviewId: string;
	    feedbackId: string;
	    detectedOn: string;
	    ownerId: string;
	    status: string;
	    correction: string;
	    correctionOn: string;
	    rootCause: string;
	    similarCheck: string;
	    correctiveActionIds: string[];
	    effectiveness: Effectiveness;
	    closedOn: string;
	    dueDate: string;
	
	    static createFrom(source: any = {}) {
	        return new Nonconformity(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.description = source["description"];
	        this.source = source["source"];
	        this.findingId = source["findingId"];
	        this.reviewId = source["reviewId"];
	        this.feedbackId = source["feedbackId"];
	        this.detectedOn = source["detectedOn"];
	        this.ownerId = source["ownerId"];
	        this.status = source["status"];
	        this.correction = source["correction"];
	        this.correctionOn = source["correctionOn"];
	        this.rootCause = source["rootCause"];
	        this.similarCheck = source["similarCheck"];
	        this.correctiveActionIds = source["correctiveActionIds"];
	        this.effectiveness = this.convertValues(source["effectiveness"], Effectiveness);
	        this.closedOn = source["closedOn"];
	        this.dueDate = source["dueDate"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Objective {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    title: string;
	    statement: string;
	    businessGoal: string;
	    measure: string;
	    target: number;
	    unit: string;
	    ownerId: string;
	    dueDate: string;
	    status: string;
	    approvedById: string;
	    approvedOn: string;
	    approvalHow: string;
	    approvalRef: string;
	    kpiIds: string[];
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new Objective(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.statement = source["statement"];
	        this.businessGoal = source["businessGoal"];
	        this.measure = source["measure"];
	        this.target = source["target"];
	        this.unit = source["unit"];
	        this.ownerId = source["ownerId"];
	        this.dueDate = source["dueDate"];
	        this.status = source["status"];
	        this.approvedById = source["approvedById"];
	        this.approvedOn = source["approvedOn"];
	        this.approvalHow = source["approvalHow"];
	        this.approvalRef = source["approvalRef"];
	        this.kpiIds = source["kpiIds"];
	        this.notes = source["notes"];
	    }
	}
	export class Option {
	    value: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new Option(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.label = source["label"];
	    }
	}
	export class RiskMethod {
	    likelihood: string[];
	    impact: string[];
	    threshold: number;
	
	    static createFrom(source: any = {}) {
	        return new RiskMethod(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.likelihood = source["likelihood"];
	        this.impact = source["impact"];
	        this.threshold = source["threshold"];
	    }
	}
	export class Organisation {
	    name: string;
	    scope: string;
	    classification: string;
	    riskMethod: RiskMethod;
	
	    static createFrom(source: any = {}) {
	        return new Organisation(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.scope = source["scope"];
	        this.classification = source["classification"];
	        this.riskMethod = this.convertValues(source["riskMethod"], RiskMethod);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Party {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    name: string;
	    category: string;
	    internal: boolean;
	    needs: string;
	    influence: string;
	    ownerId: string;
	    lastReviewed: string;
	    nextReview: string;
	    changedSinceReview: boolean;
	    changeNote: string;
	    requirementIds: string[];
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new Party(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.name = source["name"];
	        this.category = source["category"];
	        this.internal = source["internal"];
	        this.needs = source["needs"];
	        this.influence = source["influence"];
	        this.ownerId = source["ownerId"];
	        this.lastReviewed = source["lastReviewed"];
	        this.nextReview = source["nextReview"];
	        this.changedSinceReview = source["changedSinceReview"];
	        this.changeNote = source["changeNote"];
	        this.requirementIds = source["requirementIds"];
	        this.notes = source["notes"];
	    }
	}
	export class Person {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    name: string;
	    email: string;
	    department: string;
	    jobTitle: string;
	    roleIds: string[];
	    active: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Person(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.name = source["name"];
	        this.email = source["email"];
	        this.department = source["department"];
	        this.jobTitle = source["jobTitle"];
	        this.roleIds = source["roleIds"];
	        this.active = source["active"];
	    }
	}
	export class PolicyReview {
	    on: string;
	    reviewerId: string;
	    outcome: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new PolicyReview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.on = source["on"];
	        this.reviewerId = source["reviewerId"];
	        this.outcome = source["outcome"];
	        this.note = source["note"];
	    }
	}
	export class PolicyVersion {
	    number: string;
	    summary: string;
	    text: string;
	    status: string;
	    authorId: string;
	    createdOn: string;
	    publishedOn: string;
	    approvals: Approval[];
	    acknowledgements: Acknowledgement[];
	
	    static createFrom(source: any = {}) {
	        return new PolicyVersion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.number = source["number"];
	        this.summary = source["summary"];
	        this.text = source["text"];
	        this.status = source["status"];
	        this.authorId = source["authorId"];
	        this.createdOn = source["createdOn"];
	        this.publishedOn = source["publishedOn"];
	        this.approvals = this.convertValues(source["approvals"], Approval);
	        this.acknowledgements = this.convertValues(source["acknowledgements"], Acknowledgement);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Policy {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    title: string;
	    docType: string;
	    status: string;
	    ownerId: string;
	    approverId: string;
	    reviewCycleMonths: number;
	    lastReviewed: string;
	    nextReviewDate: string;
	    versions: PolicyVersion[];
	    controlIds: string[];
	    reviews: PolicyReview[];
	
	    static createFrom(source: any = {}) {
	        return new Policy(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.docType = source["docType"];
	        this.status = source["status"];
	        this.ownerId = source["ownerId"];
	        this.approverId = source["approverId"];
	        this.reviewCycleMonths = source["reviewCycleMonths"];
	        this.lastReviewed = source["lastReviewed"];
	        this.nextReviewDate = source["nextReviewDate"];
	        this.versions = this.convertValues(source["versions"], PolicyVersion);
	        this.controlIds = source["controlIds"];
	        this.reviews = this.convertValues(source["reviews"], PolicyReview);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PolicyDecision {
	    approverId: string;
	    role: string;
	    method: string;
	    comment: string;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new PolicyDecision(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.approverId = source["approverId"];
	        this.role = source["role"];
	        this.method = source["method"];
	        this.comment = source["comment"];
	        this.at = source["at"];
	    }
	}
	
	export class PolicyTemplate {
	    id: string;
	    ref: string;
	    title: string;
	    docType: string;
	    summary: string;
	    reviewCycleMonths: number;
	    controlRefs: string[];
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new PolicyTemplate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.docType = source["docType"];
	        this.summary = source["summary"];
	        this.reviewCycleMonths = source["reviewCycleMonths"];
	        this.controlRefs = source["controlRefs"];
	        this.text = source["text"];
	    }
	}
	
	export class Requirement {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    title: string;
	    text: string;
	    sourceType: string;
	    source: string;
	    ownerId: string;
	    applicable: boolean;
	    status: string;
	    evidence: string;
	    dueDate: string;
	    notes: string;
	    controlIds: string[];
	    policyIds: string[];
	
	    static createFrom(source: any = {}) {
	        return new Requirement(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.text = source["text"];
	        this.sourceType = source["sourceType"];
	        this.source = source["source"];
	        this.ownerId = source["ownerId"];
	        this.applicable = source["applicable"];
	        this.status = source["status"];
	        this.evidence = source["evidence"];
	        this.dueDate = source["dueDate"];
	        this.notes = source["notes"];
	        this.controlIds = source["controlIds"];
	        this.policyIds = source["policyIds"];
	    }
	}
	export class ReviewInput {
	    topic: string;
	    summary: string;
	    minutes: string;
	
	    static createFrom(source: any = {}) {
	        return new ReviewInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.topic = source["topic"];
	        this.summary = source["summary"];
	        this.minutes = source["minutes"];
	    }
	}
	export class Review {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    title: string;
	    date: string;
	    status: string;
	    chairId: string;
	    attendeeIds: string[];
	    inputs: ReviewInput[];
	    decisions: Decision[];
	    minutes: string;
	    previousReviewId: string;
	
	    static createFrom(source: any = {}) {
	        return new Review(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.date = source["date"];
	        this.status = source["status"];
	        this.chairId = source["chairId"];
	        this.attendeeIds = source["attendeeIds"];
	        this.inputs = this.convertValues(source["inputs"], ReviewInput);
	        this.decisions = this.convertValues(source["decisions"], Decision);
	        this.minutes = source["minutes"];
	        this.previousReviewId = source["previousReviewId"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class RiskAcceptance {
	    acceptedById: string;
	    acceptedOn: string;
	    comment: string;
	
	    static createFrom(source: any = {}) {
	        return new RiskAcceptance(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.acceptedById = source["acceptedById"];
	        this.acceptedOn = source["acceptedOn"];
	        this.comment = source["comment"];
	    }
	}
	export class Risk {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    title: string;
	    description: string;
	    asset: string;
	    threat: string;
	    vulnerability: string;
	    likelihood: number;
	    impact: number;
	    ownerId: string;
	    status: string;
	    treatment: string;
	    treatmentPlan: string;
	    controlIds: string[];
	    actionIds: string[];
	    residualLikelihood: number;
	    residualImpact: number;
	    acceptance: RiskAcceptance;
	    identifiedOn: string;
	    reviewDate: string;
	
	    static createFrom(source: any = {}) {
	        return new Risk(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.description = source["description"];
	        this.asset = source["asset"];
	        this.threat = source["threat"];
	        this.vulnerability = source["vulnerability"];
	        this.likelihood = source["likelihood"];
	        this.impact = source["impact"];
	        this.ownerId = source["ownerId"];
	        this.status = source["status"];
	        this.treatment = source["treatment"];
	        this.treatmentPlan = source["treatmentPlan"];
	        this.controlIds = source["controlIds"];
	        this.actionIds = source["actionIds"];
	        this.residualLikelihood = source["residualLikelihood"];
	        this.residualImpact = source["residualImpact"];
	        this.acceptance = this.convertValues(source["acceptance"], RiskAcceptance);
	        this.identifiedOn = source["identifiedOn"];
	        this.reviewDate = source["reviewDate"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class Role {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    name: string;
	    responsibilities: string;
	    standard: boolean;
	    areas: string[];
	
	    static createFrom(source: any = {}) {
	        return new Role(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.name = source["name"];
	        this.responsibilities = source["responsibilities"];
	        this.standard = source["standard"];
	        this.areas = source["areas"];
	    }
	}
	export class SMARTCheck {
	    field: string;
	    label: string;
	    present: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SMARTCheck(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.label = source["label"];
	        this.present = source["present"];
	    }
	}
	export class SurveyQuestion {
	    text: string;
	    result: string;
	    score: number;
	    answers: number;
	
	    static createFrom(source: any = {}) {
	        return new SurveyQuestion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.result = source["result"];
	        this.score = source["score"];
	        this.answers = source["answers"];
	    }
	}
	export class Survey {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    title: string;
	    type: string;
	    date: string;
	    audience: string;
	    partyId: string;
	    respondents: number;
	    questions: SurveyQuestion[];
	    summary: string;
	    ownerId: string;
	
	    static createFrom(source: any = {}) {
	        return new Survey(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.type = source["type"];
	        this.date = source["date"];
	        this.audience = source["audience"];
	        this.partyId = source["partyId"];
	        this.respondents = source["respondents"];
	        this.questions = this.convertValues(source["questions"], SurveyQuestion);
	        this.summary = source["summary"];
	        this.ownerId = source["ownerId"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Training {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    topic: string;
	    description: string;
	    roleIds: string[];
	    date: string;
	    trainer: string;
	    materials: string;
	    required: boolean;
	    durationHours: number;
	    status: string;
	    ownerId: string;
	
	    static createFrom(source: any = {}) {
	        return new Training(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.topic = source["topic"];
	        this.description = source["description"];
	        this.roleIds = source["roleIds"];
	        this.date = source["date"];
	        this.trainer = source["trainer"];
	        this.materials = source["materials"];
	        this.required = source["required"];
	        this.durationHours = source["durationHours"];
	        this.status = source["status"];
	        this.ownerId = source["ownerId"];
	    }
	}

}

export namespace overview {
	
	export class AgendaLine {
	    kind: string;
	    id: string;
	    text: string;
	    flag: string;
	
	    static createFrom(source: any = {}) {
	        return new AgendaLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.id = source["id"];
	        this.text = source["text"];
	        this.flag = source["flag"];
	    }
	}
	export class AgendaInput {
	    topic: string;
	    name: string;
	    summary: string;
	    lines: AgendaLine[];
	    more: number;
	
	    static createFrom(source: any = {}) {
	        return new AgendaInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.topic = source["topic"];
	        this.name = source["name"];
	        this.summary = source["summary"];
	        this.lines = this.convertValues(source["lines"], AgendaLine);
	        this.more = source["more"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Bucket {
	    status: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new Bucket(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.count = source["count"];
	    }
	}
	export class FieldChange {
	    field: string;
	    before: string;
	    after: string;
	
	    static createFrom(source: any = {}) {
	        return new FieldChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.before = source["before"];
	        this.after = source["after"];
	    }
	}
	export class Change {
	    seq: number;
	    at: string;
	    op: string;
	    source: string;
	    hash: string;
	    changes: FieldChange[];
	
	    static createFrom(source: any = {}) {
	        return new Change(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.seq = source["seq"];
	        this.at = source["at"];
	        this.op = source["op"];
	        this.source = source["source"];
	        this.hash = source["hash"];
	        this.changes = this.convertValues(source["changes"], FieldChange);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Contradiction {
	    requirementId: string;
	    ref: string;
	    title: string;
	    kind: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new Contradiction(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.requirementId = source["requirementId"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.kind = source["kind"];
	        this.message = source["message"];
	    }
	}
	export class Row {
	    kind: string;
	    id: string;
	    ref: string;
	    title: string;
	    status: string;
	    ownerId: string;
	    ownerName: string;
	    due: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Row(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.id = source["id"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.status = source["status"];
	        this.ownerId = source["ownerId"];
	        this.ownerName = source["ownerName"];
	        this.due = source["due"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class KindCount {
	    kind: string;
	    plural: string;
	    label: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new KindCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.plural = source["plural"];
	        this.label = source["label"];
	        this.count = source["count"];
	    }
	}
	export class Dashboard {
	    counts: KindCount[];
	    requirementStatuses: Bucket[];
	    controlStatuses: Bucket[];
	    nonconformityStatuses: Bucket[];
	    overdue: Row[];
	    upcoming: Row[];
	
	    static createFrom(source: any = {}) {
	        return new Dashboard(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.counts = this.convertValues(source["counts"], KindCount);
	        this.requirementStatuses = this.convertValues(source["requirementStatuses"], Bucket);
	        this.controlStatuses = this.convertValues(source["controlStatuses"], Bucket);
	        this.nonconformityStatuses = this.convertValues(source["nonconformityStatuses"], Bucket);
	        this.overdue = this.convertValues(source["overdue"], Row);
	        this.upcoming = this.convertValues(source["upcoming"], Row);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class LinkView {
	    field: string;
	    kind: string;
	    kindLabel: string;
	    id: string;
	    ref: string;
	    title: string;
	    missing: boolean;
	
	    static createFrom(source: any = {}) {
	        return new LinkView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.kind = source["kind"];
	        this.kindLabel = source["kindLabel"];
	        this.id = source["id"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.missing = source["missing"];
	    }
	}
	export class Field {
	    name: string;
	    value: string;
	
	    static createFrom(source: any = {}) {
	        return new Field(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.value = source["value"];
	    }
	}
	export class Detail {
	    row: Row;
	    fields: Field[];
	    history: Change[];
	    links: LinkView[];
	    backlinks: LinkView[];
	
	    static createFrom(source: any = {}) {
	        return new Detail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = this.convertValues(source["row"], Row);
	        this.fields = this.convertValues(source["fields"], Field);
	        this.history = this.convertValues(source["history"], Change);
	        this.links = this.convertValues(source["links"], LinkView);
	        this.backlinks = this.convertValues(source["backlinks"], LinkView);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class GapSource {
	    sourceType: string;
	    label: string;
	    applicable: number;
	    covered: number;
	    partial: number;
	    gap: number;
	    notApplicable: number;
	
	    static createFrom(source: any = {}) {
	        return new GapSource(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sourceType = source["sourceType"];
	        this.label = source["label"];
	        this.applicable = source["applicable"];
	        this.covered = source["covered"];
	        this.partial = source["partial"];
	        this.gap = source["gap"];
	        this.notApplicable = source["notApplicable"];
	    }
	}
	export class GapControl {
	    id: string;
	    ref: string;
	    title: string;
	    status: string;
	    implemented: boolean;
	    evidence: number;
	
	    static createFrom(source: any = {}) {
	        return new GapControl(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.status = source["status"];
	        this.implemented = source["implemented"];
	        this.evidence = source["evidence"];
	    }
	}
	export class GapItem {
	    id: string;
	    ref: string;
	    title: string;
	    sourceType: string;
	    status: string;
	    ownerId: string;
	    applicable: boolean;
	    coverage: string;
	    reason: string;
	    controls: GapControl[];
	    implemented: number;
	    policies: number;
	    evidence: number;
	    evidenceNoted: boolean;
	
	    static createFrom(source: any = {}) {
	        return new GapItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.sourceType = source["sourceType"];
	        this.status = source["status"];
	        this.ownerId = source["ownerId"];
	        this.applicable = source["applicable"];
	        this.coverage = source["coverage"];
	        this.reason = source["reason"];
	        this.controls = this.convertValues(source["controls"], GapControl);
	        this.implemented = source["implemented"];
	        this.policies = source["policies"];
	        this.evidence = source["evidence"];
	        this.evidenceNoted = source["evidenceNoted"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Gap {
	    requirements: GapItem[];
	    notApplicable: GapItem[];
	    sources: GapSource[];
	    total: GapSource;
	    contradictions: Contradiction[];
	    coverages: isms.Option[];
	
	    static createFrom(source: any = {}) {
	        return new Gap(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.requirements = this.convertValues(source["requirements"], GapItem);
	        this.notApplicable = this.convertValues(source["notApplicable"], GapItem);
	        this.sources = this.convertValues(source["sources"], GapSource);
	        this.total = this.convertValues(source["total"], GapSource);
	        this.contradictions = this.convertValues(source["contradictions"], Contradiction);
	        this.coverages = this.convertValues(source["coverages"], isms.Option);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class KPIReading {
	    kpiId: string;
	    ref: string;
	    name: string;
	    target: number;
	    unit: string;
	    value: number;
	    date: string;
	    rag: string;
	    attained: number;
	
	    static createFrom(source: any = {}) {
	        return new KPIReading(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kpiId = source["kpiId"];
	        this.ref = source["ref"];
	        this.name = source["name"];
	        this.target = source["target"];
	        this.unit = source["unit"];
	        this.value = source["value"];
	        this.date = source["date"];
	        this.rag = source["rag"];
	        this.attained = source["attained"];
	    }
	}
	
	
	export class ObjectiveProgress {
	    objectiveId: string;
	    percent: number;
	    measured: number;
	    rag: string;
	    kpis: KPIReading[];
	    smart: isms.SMARTCheck[];
	
	    static createFrom(source: any = {}) {
	        return new ObjectiveProgress(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.objectiveId = source["objectiveId"];
	        this.percent = source["percent"];
	        this.measured = source["measured"];
	        this.rag = source["rag"];
	        this.kpis = this.convertValues(source["kpis"], KPIReading);
	        this.smart = this.convertValues(source["smart"], isms.SMARTCheck);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ReviewAgenda {
	    reviewId: string;
	    previousReviewId: string;
	    previousRef: string;
	    since: string;
	    until: string;
	    period: string;
	    inputs: AgendaInput[];
	    carriedActionIds: string[];
	    holdMissing: Record<string, string>;
	
	    static createFrom(source: any = {}) {
	        return new ReviewAgenda(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.reviewId = source["reviewId"];
	        this.previousReviewId = source["previousReviewId"];
	        this.previousRef = source["previousRef"];
	        this.since = source["since"];
	        this.until = source["until"];
	        this.period = source["period"];
	        this.inputs = this.convertValues(source["inputs"], AgendaInput);
	        this.carriedActionIds = source["carriedActionIds"];
	        this.holdMissing = source["holdMissing"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class TraceItem {
	    kind: string;
	    kindLabel: string;
	    id: string;
	    ref: string;
	    title: string;
	    status: string;
	    statusLabel: string;
	    via: string;
	    viaLabel: string;
	    reasons: string[];
	
	    static createFrom(source: any = {}) {
	        return new TraceItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.kindLabel = source["kindLabel"];
	        this.id = source["id"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.status = source["status"];
	        this.statusLabel = source["statusLabel"];
	        this.via = source["via"];
	        this.viaLabel = source["viaLabel"];
	        this.reasons = source["reasons"];
	    }
	}
	export class TraceColumn {
	    key: string;
	    label: string;
	    items: TraceItem[];
	
	    static createFrom(source: any = {}) {
	        return new TraceColumn(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.label = source["label"];
	        this.items = this.convertValues(source["items"], TraceItem);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TraceGap {
	    kind: string;
	    itemKind: string;
	    id: string;
	    ref: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new TraceGap(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.itemKind = source["itemKind"];
	        this.id = source["id"];
	        this.ref = source["ref"];
	        this.message = source["message"];
	    }
	}
	export class TraceGapCount {
	    kind: string;
	    label: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new TraceGapCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.label = source["label"];
	        this.count = source["count"];
	    }
	}
	
	export class TraceView {
	    start: TraceItem;
	    columns: TraceColumn[];
	    clauses: isms.Clause[];
	    size: number;
	    gaps: TraceGap[];
	    gapCounts: TraceGapCount[];
	
	    static createFrom(source: any = {}) {
	        return new TraceView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.start = this.convertValues(source["start"], TraceItem);
	        this.columns = this.convertValues(source["columns"], TraceColumn);
	        this.clauses = this.convertValues(source["clauses"], isms.Clause);
	        this.size = source["size"];
	        this.gaps = this.convertValues(source["gaps"], TraceGap);
	        this.gapCounts = this.convertValues(source["gapCounts"], TraceGapCount);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace report {
	
	export class Info {
	    name: string;
	    title: string;
	    about: string;
	    needsId: boolean;
	    idKind: string;
	
	    static createFrom(source: any = {}) {
	        return new Info(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.title = source["title"];
	        this.about = source["about"];
	        this.needsId = source["needsId"];
	        this.idKind = source["idKind"];
	    }
	}

}

export namespace xlsx {
	
	export class Column {
	    index: number;
	    letter: string;
	    name: string;
	    hidden?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Column(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.index = source["index"];
	        this.letter = source["letter"];
	        this.name = source["name"];
	        this.hidden = source["hidden"];
	    }
	}
	export class Field {
	    name: string;
	    label: string;
	    required: boolean;
	    type: string;
	    enum?: string;
	    options?: isms.Option[];
	    key?: boolean;
	    exact?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Field(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.label = source["label"];
	        this.required = source["required"];
	        this.type = source["type"];
	        this.enum = source["enum"];
	        this.options = this.convertValues(source["options"], isms.Option);
	        this.key = source["key"];
	        this.exact = source["exact"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Header {
	    row: number;
	    rows: number;
	    firstColumn: number;
	    columns: Column[];
	
	    static createFrom(source: any = {}) {
	        return new Header(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.rows = source["rows"];
	        this.firstColumn = source["firstColumn"];
	        this.columns = this.convertValues(source["columns"], Column);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Locale {
	    dayFirst: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Locale(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.dayFirst = source["dayFirst"];
	    }
	}
	export class Mapping {
	    kind: string;
	    layoutKey: string;
	    columns: Record<string, string>;
	    fillDown: string[];
	    skipSections: boolean;
	    locale: Locale;
	    scores?: Record<string, number>;
	
	    static createFrom(source: any = {}) {
	        return new Mapping(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.layoutKey = source["layoutKey"];
	        this.columns = source["columns"];
	        this.fillDown = source["fillDown"];
	        this.skipSections = source["skipSections"];
	        this.locale = this.convertValues(source["locale"], Locale);
	        this.scores = source["scores"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Problem {
	    row: number;
	    column: string;
	    field: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new Problem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.column = source["column"];
	        this.field = source["field"];
	        this.message = source["message"];
	    }
	}
	export class Row {
	    num: number;
	    cells: string[];
	
	    static createFrom(source: any = {}) {
	        return new Row(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.num = source["num"];
	        this.cells = source["cells"];
	    }
	}
	export class SheetInfo {
	    name: string;
	    hidden: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SheetInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.hidden = source["hidden"];
	    }
	}

}

